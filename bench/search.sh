#!/usr/bin/env bash
# JMH benchmark of search indexing's Java part (issue 17). Target: indexing at least 2,000 documents a second on one
# core. Segments generated agenda items into their tsvector, headline form and fingerprint
# (src/bench/java/org/yishi/search/documents/SegmenterBenchmark.java) with one thread, pinned to one core with
# taskset (bench/jmh.sh). The database insert, the query latency over 1,000,000 documents and the directive ledger
# across 200 bodies are not measured here yet. Figures and machine: docs/benchmarks.md.
#
#   bench/search.sh                   # the documented run: 2 forks x (5 x 1 s warm-up + 5 x 2 s measured)
#   bench/search.sh -f 1 -wi 1 -i 2   # a quick look; any JMH option may follow
#
# Not a test: nothing here runs during ./mvnw verify. JSON results go to target/jmh-search.json.
exec "$(dirname "$0")/jmh.sh" SegmenterBenchmark target/jmh-search.json "$@"
