#!/usr/bin/env bash
# Runs one JMH benchmark class of src/bench/java with one thread, pinned to one core with taskset; shared by
# bench/readout.sh and bench/minutes.sh. Compiles the `bench` Maven profile first (main and test sources plus
# src/bench/java with JMH's annotation processor) and writes the JSON results to the file given.
#
#   bench/jmh.sh BenchmarkClass target/jmh-name.json [JMH options...]
#   BENCH_CPU=1 bench/jmh.sh ...      # pin to another core
#
# Not a test: nothing here runs during ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCHMARK="$1"
RESULTS="$2"
shift 2

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
exec "${PIN[@]}" "$JAVA_HOME/bin/java" -cp "$CLASSPATH_" org.openjdk.jmh.Main "$BENCHMARK" \
    -t 1 -rf json -rff "$RESULTS" "$@"
