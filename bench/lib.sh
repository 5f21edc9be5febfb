# Shared steps of the benchmark scripts; source it from bench/*.sh. Loopback only (127.0.0.1).
# BENCH_DB=h2|pg picks the database; pg uses a private cluster from .ci/pg-cluster.sh on BENCH_PGPORT.
# BENCH_JAVA_OPTS replaces the service's JVM options (default: the recommended balanced line of .ci/checks/lib.sh,
# "-Xmx160m -Xmn32m -XX:+UseSerialGC" with MALLOC_ARENA_MAX=2; BENCH_JAVA_OPTS= for the JVM's defaults); JAVA picks
# another java binary; BENCH_JAR another packaged jar (for example target/quarkus-app-aot/quarkus-run.jar);
# BENCH_FLOOD_SECONDS the flood rule (default: the service's 15 s).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_DB=${BENCH_DB:-h2}
BENCH_PORT=${BENCH_PORT:-18190}
BENCH_PGPORT=${BENCH_PGPORT:-55442}
BASE="http://127.0.0.1:$BENCH_PORT"
ADMIN_PASSWORD=bench-admin-password
# start, wait and stop come from the CI checks' library; the benchmarks keep the flood rule at its default (15 s)
SVC_DB=$BENCH_DB
[ -n "${BENCH_JAR:-}" ] && SVC_JAR=$BENCH_JAR
[ -n "${BENCH_JAVA_OPTS+set}" ] && SVC_JAVA_OPTS=$BENCH_JAVA_OPTS
SVC_FLOOD_SECONDS=${BENCH_FLOOD_SECONDS-}
. "$BENCH_DIR/../.ci/checks/lib.sh"
AUTH="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
SERVICE_PID=""

jar_path() { svc_jar; }

require_tools() {
  command -v wrk >/dev/null || { echo "bench: install wrk (apt-get install -y wrk)"; exit 1; }
  svc_require_jar
}

# bench_work_dir: a fresh folder for the H2 file database and logs
bench_work_dir() {
  WORK=$(mktemp -d /tmp/comments-bench.XXXXXX)
  mkdir -p "$WORK/static"
  export WORK
}

db_setup() {
  if [ "$BENCH_DB" = pg ]; then
    . "$ROOT/.ci/pg-cluster.sh"
    pg_cluster_create "$BENCH_PGPORT"
  fi
}

db_teardown() {
  if [ "$BENCH_DB" = pg ]; then pg_cluster_destroy; fi
}

# start_service [extra java options...]: starts the jar in $WORK (log $WORK/service.log) and records the pid
start_service() {
  PGPORT=$BENCH_PGPORT svc_start service "$BENCH_PORT" -Dcomments.http.static-dir="$WORK/static" \
    -Dquarkus.log.level=WARN "$@"
  SERVICE_PID=$(svc_pid service)
  SVC_STARTED_NS[service]=${START_NS:-${SVC_STARTED_NS[service]}}
}

# wait_for URL: polls until it answers 200; prints the milliseconds since START_NS (or the start)
wait_for() { svc_wait_ready service "$1"; }

stop_service() { svc_stop service; SERVICE_PID=""; }

rss_mb() { echo $(( $(ps -o rss= -p "$SERVICE_PID") / 1024 )); }

# sql FILE: runs a script against the benchmark database (for H2 the service must be stopped: one process per file)
sql() {
  if [ "$BENCH_DB" = pg ]; then
    PGPASSWORD=comments psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PGPORT" -U comments comments -f "$1"
  else
    "$JAVA" -cp "$(ls "$ROOT"/target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
      -url "jdbc:h2:file:$WORK/data/comments" -user sa -script "$1"
  fi
}

# query "SELECT ...": prints the single value of a one-row, one-column query
query() {
  if [ "$BENCH_DB" = pg ]; then
    PGPASSWORD=comments psql -qtA -h 127.0.0.1 -p "$BENCH_PGPORT" -U comments comments -c "$1"
  else
    "$JAVA" -cp "$(ls "$ROOT"/target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.Shell \
      -url "jdbc:h2:file:$WORK/data/comments" -user sa -sql "$1" | sed -n 2p | tr -d ' '
  fi
}

# cursor CREATED_AT_MICROS ID: the service's opaque "after" value (web/Cursor.java)
cursor() { printf '%s.%s' "$1" "$2" | base64 -w0 | tr '+/' '-_' | tr -d '='; }

# run_wrk NAME CONNECTIONS SECONDS URL [wrk options...]: one line "name req/s p50 p99" into $RESULTS
run_wrk() {
  local name=$1 connections=$2 seconds=$3 url=$4
  shift 4
  local threads=2
  [ "$connections" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$url" >"$WORK/wrk-$name.txt" 2>&1
  local rps p50 p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk-$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$name.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk-$name.txt")
  errors=$(grep -o 'Socket errors:.*' "$WORK/wrk-$name.txt" || true)   # "timeout N": requests over 2 s, not in p99
  printf '%-28s %10s req/s  p50 %8s  p99 %8s  non-2xx %s %s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" \
    "$errors" | tee -a "$RESULTS"
}
