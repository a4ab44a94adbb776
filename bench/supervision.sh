#!/usr/bin/env bash
# The supervision benchmarks of issue 5 ("Speed"), on 1,000,000 items and 5,000,000 progress reports:
#   ledger     first ledger page with a filter, GET /api/supervision/items?…      target p95 <= 50 ms
#   dashboard  GET /api/supervision/dashboard                                     target <= 300 ms
#   sweep      WarningSweep.sweep(LocalDate), in-process                          target <= 5 s
#   export     100,000 ledger rows as .xlsx, the app run with -Xmx256m            target <= 10 s, heap < 256 MB
# The ledger is measured beside two baselines in the same run: the same curl loop against a bare JDK HTTP server
# (bench/BaselineServer.java, port PORT+1) answering the same page, and pgbench select-only on the same PostgreSQL.
# Not a test: nothing here runs during ./mvnw verify. Figures go to docs/benchmarks.md by hand, with the machine.
#
#   bench/supervision.sh [all|dashboard|ledger|sweep|export]...
#
# Options (environment): DATA (embedded database directory, default data/bench), ITEMS (1000000), REPORTS
# (5000000), TODAY (the day the data are generated as seen on, default 2026-11-24), PORT (18081, never 8080),
# RUNS (measured requests per case, 30), WARMUP (5), SWEEP_DAYS (days to sweep in turn, default the day after TODAY,
# the day after that, and that day again; --uncoloured among them first makes every open item and owed obligation
# green and deletes the warning notices, as if no sweep had ever seen the data: the worst case), EXPORT_PATH (5a's export endpoint, default /api/supervision/items/export.xlsx),
# EXPORT_QUERY (a filter of about 100,000 rows, default the items with a deadline in the 183 days before TODAY),
# BENCH_PASSWORD (the demo accounts' password, given to the generator on the first run; default Bench-Passw0rd!),
# VACUUM (1: VACUUM ANALYZE the embedded database once the application is up, as autovacuum would in time; 0: not).
#
# The first run generates the data (the bench sources' GenerateSupervisionCommand, a few minutes) into $DATA and marks
# it done; later runs reuse it. The sweep changes colours, so its first measurement on fresh data (the catch-up of a
# database no sweep has seen) differs from later ones; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DATA="${DATA:-data/bench}"
ITEMS="${ITEMS:-1000000}"
REPORTS="${REPORTS:-5000000}"
TODAY="${TODAY:-2026-11-24}"
PORT="${PORT:-18081}"
RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-5}"
EXPORT_PATH="${EXPORT_PATH:-/api/supervision/items/export.xlsx}"
PASSWORD="${BENCH_PASSWORD:-Bench-Passw0rd!}" # the demo accounts' password, set when the data were generated
OUT="target/bench-supervision"
[[ "$PORT" == 8080 ]] && { echo "PORT must not be 8080" >&2; exit 2; }
CASES=("$@")
[[ ${#CASES[@]} -eq 0 || " ${CASES[*]} " == *" all "* ]] && CASES=(ledger dashboard export sweep)

mkdir -p "$OUT"
if [[ ! -f target/app/yishi-0.1.0-SNAPSHOT.jar ]]; then
    ./mvnw -B -q -DskipTests package
fi
# the app runs from a copy, so that a build in the meantime does not change its jars under it
APP="$OUT/app"
rm -rf "$APP" && cp -r target/app "$APP"
JAR="$(ls "$APP"/yishi-*.jar | head -1)"

export YISHI_DATA_DIR="$DATA" YISHI_DEMO_PASSWORD="$PASSWORD"

if [[ ! -f "$DATA/generated-$ITEMS-$REPORTS-$TODAY" ]]; then
    echo "== generating $ITEMS items and $REPORTS reports into $DATA (as seen on $TODAY)"
    rm -rf "$DATA"
    mkdir -p "$(dirname "$DATA")"
    # the generator lives in the bench sources, not in the production jar: compiled here against the jar
    rm -rf "$OUT/generator" && mkdir -p "$OUT/generator"
    "$(dirname "$JAVA")/javac" -nowarn -proc:none -d "$OUT/generator" -cp "$JAR" \
        src/bench/generator/java/org/yishi/supervision/*.java
    /usr/bin/time -v "$JAVA" -cp "$OUT/generator:$JAR" org.yishi.supervision.GenerateSupervisionCommand \
        --generate-supervision="$ITEMS" --generate-reports="$REPORTS" \
        --generate-today="$TODAY" 2> "$OUT/generate.time" | grep -v ' WARN ' | tee "$OUT/generate.log"
    grep -E "Elapsed|Maximum resident" "$OUT/generate.time" || true
    touch "$DATA/generated-$ITEMS-$REPORTS-$TODAY"
fi

idle() { # percentage of idle CPU over one second
    local a b
    read -r _ a1 a2 a3 a4 a5 a6 a7 _ < /proc/stat
    sleep 1
    read -r _ b1 b2 b3 b4 b5 b6 b7 _ < /proc/stat
    a=$((a1 + a2 + a3 + a4 + a5 + a6 + a7)); b=$((b1 + b2 + b3 + b4 + b5 + b6 + b7))
    echo $(( 100 * (b4 - a4) / (b - a) ))
}

stats() { # reads milliseconds, one a line; prints n, min, median, p95, max
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n=0"; exit }
        p = int(NR * 0.95 + 0.999999); if (p > NR) p = NR;
        printf "n=%d min=%.1f median=%.1f p95=%.1f max=%.1f ms\n", NR, v[1], v[int((NR + 1) / 2)], v[p], v[NR] }'
}

SERVER_PID=""
start_server() {
    echo "== starting the application (-Xmx256m, GC log in $OUT/gc.log), CPU idle before: $(idle) %"
    # out-of-order: the generated data outlive the commit that made them, and branches merged since may carry
    # migrations numbered below the newest one these data already have
    "$JAVA" -Xmx256m -Xlog:gc*:file="$OUT/gc.log":uptime,level,tags -jar "$JAR" --server.port="$PORT" \
        --spring.flyway.out-of-order=true \
        --yishi.supervision.sweep-at-start=false --yishi.supervision.sweep-cron=- --yishi.search.indexing=off \
        > "$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    # the first start on data of another version also migrates them: that may take minutes with a million items
    local started=$SECONDS
    until curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/login" 2>/dev/null | grep -q 200; do
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the application stopped; see $OUT/server.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "   answering after $((SECONDS - started)) s"
    TOKEN=$(curl -s -X POST "localhost:$PORT/api/auth/tokens" -H 'Content-Type: application/json' \
        -d "{\"username\":\"supervision\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
}
stop_server() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" && wait "$SERVER_PID" || true
        SERVER_PID=""
    fi
}
trap stop_server EXIT

get() { # path → prints status and milliseconds
    curl -s -o "$OUT/last.body" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "localhost:$PORT$1" \
        | awk '{ printf "%s %.1f\n", $1, $2 * 1000 }'
}

timed() { # name path: WARMUP unmeasured calls, then RUNS measured ones; all must answer 200
    local name="$1" path="$2" status
    status=$(get "$path" | cut -d' ' -f1)
    if [[ "$status" != 200 ]]; then
        echo "$name: $path answers $status: not measured"
        return
    fi
    for _ in $(seq 1 "$WARMUP"); do get "$path" > /dev/null; done
    for _ in $(seq 1 "$RUNS"); do get "$path"; done > "$OUT/$name.raw"
    if grep -qv '^200 ' "$OUT/$name.raw"; then echo "$name: some calls did not answer 200"; fi
    printf '%-28s %s\n' "$name" "$(cut -d' ' -f2 < "$OUT/$name.raw" | stats)"
}

unit_id() { # the id of a unit by its Chinese name, through the directory API
    curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/units" \
        | grep -o "{[^{}]*\"nameZh\":\"$1\"[^{}]*}" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -1
}
person_id() {
    curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/people" \
        | grep -o "{[^{}]*\"nameZh\":\"$1\"[^{}]*}" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -1
}

baseline_http() { # name body-file: the same curl loop against a bare JDK HTTP server answering that body
    local port=$((PORT + 1)) pid saved=$PORT
    "$JAVA" bench/BaselineServer.java "$port" "$2" > "$OUT/baseline-server.log" 2>&1 &
    pid=$!
    until curl -s -o /dev/null "localhost:$port/" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "the baseline server stopped; see $OUT/baseline-server.log" >&2; return; }
        sleep 0.2
    done
    PORT=$port
    timed "$1" "/baseline"
    PORT=$saved
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

baseline_pg() { # pgbench, select-only, one client for 10 s, in a scratch database of the same embedded server
    if [[ -z "${PG_PORT:-}" ]] || ! command -v pgbench > /dev/null; then
        echo "   pgbench baseline: not run (no embedded server port or no pgbench)"
        return
    fi
    local pg=(-h localhost -p "$PG_PORT" -U postgres)
    psql -q -X "${pg[@]}" -d postgres -c 'drop database if exists bench_baseline' -c 'create database bench_baseline'
    pgbench -q -i -s 10 "${pg[@]}" bench_baseline > "$OUT/pgbench-init.log" 2>&1
    pgbench -n -S -c 1 -T 10 "${pg[@]}" bench_baseline > "$OUT/pgbench.log" 2>&1
    echo "   pgbench baseline (select-only, 1 client, 10 s): $(grep -E '^latency average' "$OUT/pgbench.log"), \
$(grep -oE 'tps = [0-9.]+' "$OUT/pgbench.log" | head -1)"
    psql -q -X "${pg[@]}" -d postgres -c 'drop database bench_baseline'
}

needs_server() { [[ " ${CASES[*]} " == *" ledger "* || " ${CASES[*]} " == *" dashboard "* || " ${CASES[*]} " == *" export "* ]]; }

if needs_server; then
    start_server
    PG_PORT=$(ps -eo args | grep "postgres -D $(realpath "$DATA") " | grep -v grep | grep -oE -- '-p [0-9]+' | cut -d' ' -f2)
    # the embedded server asks every connection for the password it keeps beside its data (platform/EmbeddedServer)
    [[ -r "$DATA/yishi-db.password" ]] && PGPASSWORD="$(cat "$DATA/yishi-db.password")" && export PGPASSWORD
    if [[ "${VACUUM:-1}" == 1 ]]; then
        # a start that migrated the data (e.g. rewrote every row) leaves dead rows and a cleared visibility map until
        # autovacuum comes by; measure the steady state instead: VACUUM ANALYZE on the embedded server, through psql
        if [[ -n "$PG_PORT" ]] && command -v psql > /dev/null; then
            echo "   vacuum analyze (embedded PostgreSQL on port $PG_PORT): $( { /usr/bin/time -f '%e s' psql -q -X -h localhost \
                -p "$PG_PORT" -U postgres -d postgres -c 'vacuum analyze' ; } 2>&1 | tail -1)"
        fi
    fi
    echo "   up; CPU idle now: $(idle) %"
fi

for CASE in "${CASES[@]}"; do
    case "$CASE" in
    dashboard)
        echo "== dashboard: GET /api/supervision/dashboard, $WARMUP warm-up and $RUNS measured calls"
        timed dashboard /api/supervision/dashboard
        cp "$OUT/last.body" "$OUT/dashboard.json"
        ;;
    ledger)
        BIG=$(unit_id '区委办公室'); SMALL=$(unit_id '北山镇人民政府'); LEADER=$(person_id '李明华')
        PAST=$(date -d "$TODAY - 30 days" +%F); MONTH_AGO=$(date -d "$TODAY - 60 days" +%F)
        echo "== ledger: first page, GET /api/supervision/items?…, each filter $WARMUP warm-up and $RUNS measured calls"
        rm -f "$OUT"/ledger-*.raw
        : > "$OUT/ledger-all.raw"
        i=0
        for q in "" "unit=$BIG" "unit=$SMALL" "state=IN_PROGRESS" "state=CLOSED" "colour=RED" \
                 "colour=YELLOW&state=IN_PROGRESS" "source=HIGHER_TASK" "leader=$LEADER" \
                 "dateField=deadline&from=$MONTH_AGO&to=$PAST" "dateField=received&from=$MONTH_AGO&to=$PAST" \
                 "unit=$BIG&state=IN_PROGRESS" "unit=$SMALL&colour=RED&sort=deadline&dir=asc" \
                 "state=ASSIGNED&state=IN_PROGRESS&sort=deadline&dir=asc" "leader=$LEADER&state=CLOSED&sort=deadline&dir=desc" \
                 "source=DECISION&dateField=deadline&from=$MONTH_AGO&to=$TODAY&colour=ORANGE" "sort=received&dir=desc"; do
            i=$((i + 1))
            timed "ledger-$i" "/api/supervision/items?$q"
            echo "    ?$q"
            [[ -f "$OUT/ledger-$i.raw" ]] && cat "$OUT/ledger-$i.raw" >> "$OUT/ledger-all.raw"
        done
        printf '%-28s %s\n' "ledger, all filters" "$(cut -d' ' -f2 < "$OUT/ledger-all.raw" | stats)"
        # the baselines, in the same minutes: the same curl loop against a bare JDK server answering the first
        # filter's page, and pgbench on the same PostgreSQL
        get "/api/supervision/items?" > /dev/null && cp "$OUT/last.body" "$OUT/ledger-page.json"
        baseline_http "baseline-http" "$OUT/ledger-page.json"
        baseline_pg
        ;;
    export)
        QUERY="${EXPORT_QUERY:-dateField=deadline&from=$(date -d "$TODAY - 183 days" +%F)&to=$(date -d "$TODAY - 1 day" +%F)}"
        echo "== export: GET $EXPORT_PATH?$QUERY, heap sampled with jcmd every 0.2 s"
        JCMD="$JAVA_HOME/bin/jcmd"
        "$JCMD" "$SERVER_PID" GC.run > /dev/null
        : > "$OUT/export-heap.txt"
        ( while kill -0 "$SERVER_PID" 2>/dev/null; do
              "$JCMD" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -E "garbage-first heap|total [0-9]+K, used" | head -1 \
                  >> "$OUT/export-heap.txt"
              sleep 0.2
          done ) &
        SAMPLER=$!
        GC_BEFORE=$(wc -l < "$OUT/gc.log")
        curl -s -o "$OUT/export.xlsx" -w 'status %{http_code}, %{size_download} bytes in %{time_total} s\n' \
            -H "Authorization: Bearer $TOKEN" "localhost:$PORT$EXPORT_PATH?$QUERY"
        kill "$SAMPLER" 2>/dev/null || true
        echo "   peak heap used while exporting (jcmd samples): $(grep -oE 'used [0-9]+K' "$OUT/export-heap.txt" \
            | awk '{ gsub("K", "", $2); if ($2 > m) m = $2 } END { printf "%.1f MB of %d samples", m / 1024, NR }')"
        echo "   largest heap before a collection (GC log): $(tail -n +"$GC_BEFORE" "$OUT/gc.log" \
            | grep 'Pause' | grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' | cut -d'M' -f1 | sort -n | tail -1) MB"
        if command -v unzip > /dev/null && [[ -s "$OUT/export.xlsx" ]]; then
            echo "   rows in the sheet: $(unzip -p "$OUT/export.xlsx" 'xl/worksheets/sheet1.xml' 2>/dev/null | grep -o '<row ' | wc -l)"
        fi
        ;;
    sweep)
        stop_server
        DAY1=$(date -d "$TODAY + 1 day" +%F); DAY2=$(date -d "$TODAY + 2 days" +%F)
        DAYS="${SWEEP_DAYS:-$DAY1 $DAY2 $DAY2}"
        echo "== sweep: WarningSweep.sweep(day) in-process for $DAYS; CPU idle before: $(idle) %"
        mkdir -p "$OUT/sweep-classes"
        "$JAVA_HOME/bin/javac" -nowarn -d "$OUT/sweep-classes" -cp "$JAR:$APP/lib/*" \
            src/bench/java/org/yishi/supervision/warnings/SweepTiming.java 2>&1 | grep -v '^Note:' || true
        # shellcheck disable=SC2086
        "$JAVA" -cp "$OUT/sweep-classes:$JAR:$APP/lib/*" org.yishi.supervision.warnings.SweepTiming $DAYS 2>&1 \
            | grep -E '^sweep |^uncoloured |Exception|Error' | tee "$OUT/sweep.log"
        ;;
    *) echo "unknown case: $CASE (all, dashboard, ledger, sweep, export)" >&2; exit 2 ;;
    esac
done
echo "== CPU idle after: $(idle) %"
