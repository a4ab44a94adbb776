#!/usr/bin/env bash
# JMH benchmark of readout rendering. Target: at least 20,000 readouts per second on one core.
# Renders the Heshan seed meeting in English and Chinese (src/bench/java/org/yishi/readouts/ReadoutBenchmark.java)
# with one thread, pinned to one core with taskset (bench/jmh.sh). Figures and machine: docs/benchmarks.md.
#
#   bench/readout.sh                  # the documented run: 2 forks x (5 x 1 s warm-up + 5 x 2 s measured)
#   bench/readout.sh -f 1 -wi 2 -i 2  # a quick look; any JMH option may follow
#   BENCH_CPU=1 bench/readout.sh      # pin to another core
#
# Not a test: nothing here runs during ./mvnw verify. JSON results go to target/jmh-readout.json.
exec "$(dirname "$0")/jmh.sh" ReadoutBenchmark target/jmh-readout.json "$@"
