#!/usr/bin/env bash
# Startup benchmark. Target: from `java -jar` to the first served page with the embedded database, at most 5 s on
# 2 cores. Figures and machine: docs/benchmarks.md.
#
# Measures, from the moment `java -jar target/yishi-*.jar` is launched until GET /meetings first answers 200
# (polled every 50 ms; redirects are followed, so where /meetings asks to sign in, the served page is /login):
#   - FIRST_RUNS very first starts, each on an empty data directory (initdb, migrations, demo data);
#   - RUNS ordinary starts on a data directory that already exists (the normal case), after one unmeasured
#     warm-up start on it.
# Each server is left to finish starting (its runners, such as the demo data load, run after the first page is
# served), then stopped with SIGTERM and waited for. Prints min / median / max in ms.
#
#   bench/startup.sh
#   RUNS=10 FIRST_RUNS=3 bench/startup.sh
#   JVM_OPTS='-XX:TieredStopAtLevel=1' bench/startup.sh     # try JVM options
#   PAGE=/api/meetings PORT=18081 bench/startup.sh
#   JAR=target/yishi-0.1.0-SNAPSHOT.jar bench/startup.sh     # the single-file jar instead of target/app
#   KEEP=1 bench/startup.sh                                  # keep the servers' logs (and data) afterwards
#   AOT=1 bench/startup.sh     # the jar extracted (java -Djarmode=tools ... extract) and started with a JDK 25
#                              # AOT cache made by one training run (-XX:AOTCacheOutput): see docs/benchmarks.md
#
# Not a test: nothing here runs during ./mvnw verify. Uses port 18080 by default, never 8080.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
RUNS="${RUNS:-5}"
FIRST_RUNS="${FIRST_RUNS:-3}"
PORT="${PORT:-18080}"
PAGE="${PAGE:-/meetings}"
URL="http://localhost:$PORT$PAGE"
read -r -a JVM_ARGS <<< "${JVM_OPTS:-}"

shopt -s nullglob
if [[ -z "${JAR:-}" ]]; then
    # the layout the build ships for running: target/app, the application jar with its libraries beside it
    jars=(target/app/yishi-*.jar)
    if (( ${#jars[@]} == 0 )); then
        echo "Building the jar: ./mvnw -B -q -DskipTests package"
        ./mvnw -B -q -DskipTests package
        jars=(target/app/yishi-*.jar)
    fi
    JAR="${jars[0]}"
fi

if curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/"; then
    echo "Something already answers on port $PORT: choose another with PORT=..." >&2
    exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/yishi-startup.XXXXXX")"
PID=""
# Waits until the application has finished starting: its main thread ends once the runners (DemoData among them)
# have run. The first page is served before that, so stopping right away would cut the demo data load short and
# the next start would not find the data a normal start has.
finish_start() {
    local i
    for i in $(seq 300); do
        "$JAVA_HOME/bin/jcmd" "$PID" Thread.print 2>/dev/null | grep -q '^"main"' || return 0
        sleep 0.2
    done
    echo "the application was still starting 60 s after serving its first page" >&2
}
stop_server() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
        kill -TERM "$PID"
        for _ in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$PID" 2>/dev/null && { echo "server $PID ignored SIGTERM for 30 s: killing it" >&2; kill -KILL "$PID"; }
        wait "$PID" 2>/dev/null || true
    fi
    PID=""
}
cleanup() {
    stop_server
    # a postmaster orphaned by a killed JVM still holds its data directory: stop it
    for pidfile in "$WORK"/*/postmaster.pid; do
        [[ -f "$pidfile" ]] && kill -TERM "$(head -1 "$pidfile")" 2>/dev/null || true
    done
    if [[ "${KEEP:-0}" == 1 ]]; then echo "logs and data kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# idle share of all cores over one second, from /proc/stat: other work on the machine slows the starts down
# (the load average says little here: threads waiting on I/O count in it too)
idle_percent() {
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 1
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
    echo "$(( 100 * (b[4] - a[4] + b[5] - a[5]) / total ))%"
}

# start_and_time DATA_DIR LOG: sets ELAPSED to the milliseconds from launch to the first 200 on $URL
# (no $(...) around it: the server must be a child of this shell so that stop_server can stop it)
ELAPSED=0
CPU_MS=0
start_and_time() {
    local data="$1" log="$2" start code
    start=$(now_ms)
    YISHI_DATA_DIR="$data" "$JAVA" "${JVM_ARGS[@]}" -jar "$JAR" --server.port="$PORT" >"$log" 2>&1 &
    PID=$!
    while true; do
        code=$(curl -s -L --max-redirs 5 -o /dev/null -w '%{http_code}' --max-time 2 "$URL" || true)
        if [[ "$code" == 200 ]]; then
            ELAPSED=$(( $(now_ms) - start ))
            # CPU the JVM has used by then (user + system; PostgreSQL's processes not included)
            CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$PID/stat")
            return 0
        fi
        if ! kill -0 "$PID" 2>/dev/null; then
            echo "the server exited before serving $PAGE; its log: $log" >&2
            tail -30 "$log" >&2
            return 1
        fi
        if (( $(now_ms) - start > 120000 )); then
            echo "no 200 from $URL within 120 s (last status $code); log: $log" >&2
            return 1
        fi
        sleep 0.05
    done
}

stats() { # min median max of the arguments
    local sorted n
    mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
    n=${#sorted[@]}
    if (( n % 2 )); then median=${sorted[n / 2]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
    echo "min ${sorted[0]} ms, median $median ms, max ${sorted[n - 1]} ms (n=$n)"
}

if [[ "${AOT:-0}" == 1 ]]; then
    # Spring Boot's extracted layout (the AOT cache takes classes only from a plain class path, not from the
    # nested jars of the fat jar), then a training run that serves the page once and writes the cache at exit.
    if unzip -l "$JAR" | grep -q 'BOOT-INF/'; then
        "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
    else # already the extracted layout (target/app): a copy, so that the cache is written beside it
        cp -r "$(dirname "$JAR")" "$WORK/app"
    fi
    JAR="$WORK/app/$(basename "$JAR")"
    echo "AOT cache: training run (java -XX:AOTCacheOutput=... -jar $JAR)"
    JVM_ARGS_SAVED=("${JVM_ARGS[@]}")
    JVM_ARGS+=("-XX:AOTCacheOutput=$WORK/app/yishi.aot")
    start_and_time "$WORK/train" "$WORK/train.log"
    finish_start
    stop_server
    [[ -f "$WORK/app/yishi.aot" ]] || { echo "the training run wrote no AOT cache; its log: $WORK/train.log" >&2; tail -20 "$WORK/train.log" >&2; exit 1; }
    JVM_ARGS=("${JVM_ARGS_SAVED[@]}" "-XX:AOTCache=$WORK/app/yishi.aot")
    JVM_OPTS="${JVM_ARGS[*]}"
fi

echo "jar: $JAR ($("$JAVA" -version 2>&1 | head -1))"
echo "page: $URL; JVM options: ${JVM_OPTS:-(none)}; $(nproc) cores; CPU idle before: $(idle_percent)"

first=()
for i in $(seq "$FIRST_RUNS"); do
    start_and_time "$WORK/first-$i" "$WORK/first-$i.log"
    finish_start
    stop_server
    echo "first start $i (empty data directory): $ELAPSED ms (JVM CPU time $CPU_MS ms)"
    first+=("$ELAPSED")
done

# the warm data directory: made by one unmeasured start
start_and_time "$WORK/data" "$WORK/warmup.log"
finish_start
stop_server
normal=()
for i in $(seq "$RUNS"); do
    start_and_time "$WORK/data" "$WORK/run-$i.log"
    finish_start
    stop_server
    echo "start $i (data directory present): $ELAPSED ms (JVM CPU time $CPU_MS ms)"
    normal+=("$ELAPSED")
done

verdict() { # every start within the target?
    local worst
    worst=$(printf '%s\n' "$@" | sort -n | tail -1)
    if (( worst <= 5000 )); then echo "within 5000 ms"; else echo "OVER 5000 ms"; fi
}
echo
echo "Target: at most 5000 ms from java -jar to the first served page, embedded database, 2 cores"
if (( ${#first[@]} > 0 )); then
    echo "First start, empty data directory: $(stats "${first[@]}") -- $(verdict "${first[@]}")"
fi
if (( ${#normal[@]} > 0 )); then
    echo "Start with data present:           $(stats "${normal[@]}") -- $(verdict "${normal[@]}")"
fi
echo "CPU idle after: $(idle_percent) (other work on the machine slows the starts down)"
