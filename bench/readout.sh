#!/usr/bin/env bash
# JMH benchmark of readout rendering. Target: at least 20,000 readouts per second on one core.
# Renders the Heshan seed meeting in English and Chinese (src/bench/java/org/yishi/readouts/ReadoutBenchmark.java)
# with one thread, pinned to one core with taskset. Figures and machine: docs/benchmarks.md.
#
#   bench/readout.sh                  # the documented run: 2 forks x (5 x 1 s warm-up + 5 x 2 s measured)
#   bench/readout.sh -f 1 -wi 2 -i 2  # a quick look; any JMH option may follow
#   BENCH_CPU=1 bench/readout.sh      # pin to another core
#
# Not a test: nothing here runs during ./mvnw verify. JSON results go to target/jmh-readout.json.
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
# JMH's forks inherit the CPU affinity, so the measured JVM sees one core too (and picks its GC accordingly).
exec "${PIN[@]}" "$JAVA_HOME/bin/java" -cp "$CLASSPATH_" org.openjdk.jmh.Main ReadoutBenchmark \
    -t 1 -rf json -rff target/jmh-readout.json "$@"
