#!/usr/bin/env bash
# JMH benchmark of outcomes and minutes. Target: evaluating an outcome and rendering minutes for a 20-item meeting,
# under 50 ms together. Counts the 20 items against the rules, explains each count, and writes the minutes
# (src/bench/java/org/yishi/meetings/MinutesBenchmark.java); the PDF export is measured apart. One thread, pinned to
# one core with taskset. Figures and machine: docs/benchmarks.md.
#
#   bench/minutes.sh                  # the documented run: 2 forks x (5 x 1 s warm-up + 5 x 2 s measured)
#   bench/minutes.sh -f 1 -wi 2 -i 2  # a quick look; any JMH option may follow
#   BENCH_CPU=1 bench/minutes.sh      # pin to another core
#
# Not a test: nothing here runs during ./mvnw verify. JSON results go to target/jmh-minutes.json.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

# compile main and test sources plus src/bench/java with JMH's annotation processor, and write the class path
./mvnw -B -q -Pbench test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CLASSPATH_="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

PIN=()
if command -v taskset >/dev/null; then
    PIN=(taskset -c "${BENCH_CPU:-0}")
else
    echo "taskset not found: running unpinned" >&2
fi
exec "${PIN[@]}" "$JAVA_HOME/bin/java" -cp "$CLASSPATH_" org.openjdk.jmh.Main MinutesBenchmark \
    -t 1 -rf json -rff target/jmh-minutes.json "$@"
