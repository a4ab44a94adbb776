#!/usr/bin/env bash
# JMH benchmark of outcomes and minutes. Target: evaluating an outcome and rendering minutes for a 20-item meeting,
# under 50 ms together. Counts the 20 items against the rules, explains each count, and writes the minutes
# (src/bench/java/org/yishi/meetings/minutes/MinutesBenchmark.java); the PDF export is measured apart. One thread, pinned to
# one core with taskset (bench/jmh.sh). Figures and machine: docs/benchmarks.md.
#
#   bench/minutes.sh                  # the documented run: 2 forks x (5 x 1 s warm-up + 5 x 2 s measured)
#   bench/minutes.sh -f 1 -wi 2 -i 2  # a quick look; any JMH option may follow
#   BENCH_CPU=1 bench/minutes.sh      # pin to another core
#
# Not a test: nothing here runs during ./mvnw verify. JSON results go to target/jmh-minutes.json.
exec "$(dirname "$0")/jmh.sh" MinutesBenchmark target/jmh-minutes.json "$@"
