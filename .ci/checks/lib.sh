# Shared steps of the CI checks (.ci/checks/*.sh) and the benchmarks (bench/lib.sh sources it): start the packaged
# service, wait until it is ready, stop or kill it, with one admin password, one folder per run and loopback only.
#
#   . .ci/checks/lib.sh
#   svc_work_dir                          # $WORK: a fresh temp folder (H2 file, logs), removed by svc_cleanup
#   svc_start NAME PORT [java options...] # starts the jar in $WORK, log $WORK/NAME.log; does not wait
#   svc_wait_ready NAME [URL]             # polls /q/health/ready (or URL) until 200, at most SVC_READY_SECONDS
#   svc_stop NAME | svc_kill9 NAME | svc_stop_all | svc_cleanup
#
# Settings (environment): SVC_DB=h2|pg (which jar and profile), SVC_JAR (another jar), JAVA, SVC_JAVA_OPTS (JVM
# options; default: the balanced line the README recommends, with MALLOC_ARENA_MAX=2), SVC_FLOOD_SECONDS (the flood
# rule's seconds, default 0: the checks post many comments from 127.0.0.1), PGPORT (for the pg profile).
# ADMIN_PASSWORD is the first admin's password.

CHECKS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$CHECKS_DIR/../.." && pwd)
ADMIN_PASSWORD=${ADMIN_PASSWORD:-ci-admin-password}
JAVA=${JAVA:-java}
SVC_DB=${SVC_DB:-h2}
SVC_JAVA_OPTS=${SVC_JAVA_OPTS--Xmx160m -Xmn32m -XX:+UseSerialGC}
SVC_READY_SECONDS=${SVC_READY_SECONDS:-120}
declare -gA SVC_PID=() SVC_PORT=() SVC_STARTED_NS=()

# svc_jar: the packaged jar for SVC_DB (the PostgreSQL build lives in target/quarkus-app-pg: db-kind is build-time)
svc_jar() {
  if [ -n "${SVC_JAR:-}" ]; then echo "$SVC_JAR"
  elif [ "$SVC_DB" = pg ]; then echo "$ROOT/target/quarkus-app-pg/quarkus-run.jar"
  else echo "$ROOT/target/quarkus-app/quarkus-run.jar"; fi
}

svc_require_jar() {
  [ -f "$(svc_jar)" ] && return 0
  echo "$(basename "$0"): $(svc_jar) missing; build it first: ./mvnw -B package -DskipTests" \
    "$([ "$SVC_DB" = pg ] && echo "-Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg")"
  exit 1
}

svc_work_dir() {
  WORK=$(mktemp -d /tmp/comments-check.XXXXXX)
  export WORK
}

svc_start() {
  local name=$1 port=$2
  shift 2
  local profile=() env=(COMMENTS_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}")
  [ "$SVC_DB" = pg ] && profile=(-Dquarkus.profile=pg)
  # SVC_FLOOD_SECONDS (0 unless set; empty: the service's own default of 15 s)
  [ -n "${SVC_FLOOD_SECONDS-0}" ] && env+=(COMMENTS_RULES_FLOOD_SECONDS="${SVC_FLOOD_SECONDS-0}")
  # shellcheck disable=SC2086  # SVC_JAVA_OPTS is a list of options
  (cd "$WORK" && exec env "${env[@]}" "$JAVA" "${profile[@]}" $SVC_JAVA_OPTS -Dquarkus.http.host=127.0.0.1 \
      -Dquarkus.http.port="$port" "$@" -jar "$(svc_jar)" >>"$WORK/$name.log" 2>&1) &
  SVC_PID[$name]=$!
  SVC_PORT[$name]=$port
  SVC_STARTED_NS[$name]=$(date +%s%N)
}

svc_url() { echo "http://127.0.0.1:${SVC_PORT[$1]}"; }
svc_pid() { echo "${SVC_PID[$1]:-}"; }

# svc_wait_ready NAME [URL]: prints the milliseconds from svc_start to the first 200; fails with the log's tail
svc_wait_ready() {
  local name=$1 url=${2:-$(svc_url "$1")/q/health/ready}
  local deadline=$(( $(date +%s) + SVC_READY_SECONDS ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")" = 200 ]; then
      echo $(( ($(date +%s%N) - ${SVC_STARTED_NS[$name]}) / 1000000 ))
      return 0
    fi
    kill -0 "${SVC_PID[$name]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$(basename "$0"): $name did not answer $url" >&2
  tail -30 "$WORK/$name.log" >&2
  return 1
}

svc_stop() {
  local pid=${SVC_PID[$1]:-}
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  SVC_PID[$1]=""
}

svc_kill9() {
  local pid=${SVC_PID[$1]:-}
  [ -n "$pid" ] || return 0
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  SVC_PID[$1]=""
}

svc_stop_all() {
  local name
  for name in "${!SVC_PID[@]}"; do svc_stop "$name"; done
}

# svc_cleanup: for `trap svc_cleanup EXIT`; stops every service this script started and removes $WORK
svc_cleanup() {
  svc_stop_all
  [ -n "${SVC_SINK_PID:-}" ] && kill "$SVC_SINK_PID" 2>/dev/null
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
  return 0
}

# svc_fail MESSAGE: prints it and the tail of every service log, and exits 1
svc_fail() {
  echo "$(basename "$0"): FAILED, $*"
  local log
  for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "--- $log"; tail -20 "$log"; }; done
  exit 1
}

# svc_fresh_pg_db NAME: drops and creates a database of the private cluster (.ci/pg-cluster.sh), owned by comments
svc_fresh_pg_db() {
  PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -p "${PG_CLUSTER_PORT:?no PostgreSQL cluster}" \
    -U postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 OWNER comments"
}

# svc_load_tool: compiles bench/tools/PostLoad.java into $WORK once; then run it as "${LOAD[@]}" post|retry|verify ...
svc_load_tool() {
  javac -d "$WORK/classes" "$ROOT/bench/tools/PostLoad.java"
  LOAD=("$JAVA" -cp "$WORK/classes" PostLoad)
}

# svc_smtp_sink PORT: starts an SMTP server on 127.0.0.1:PORT that accepts every mail and keeps none
# (bench/tools/SmtpSink.java), stopped by svc_cleanup; sets SVC_MAIL_OPTS (the service's options to send to it) and
# prints nothing. svc_mails_accepted prints how many mails it has accepted so far (it writes the count each second).
svc_smtp_sink() {
  javac -d "$WORK/classes" "$ROOT/bench/tools/SmtpSink.java"
  "$JAVA" -cp "$WORK/classes" SmtpSink "$1" "$WORK/mails.txt" >>"$WORK/smtp-sink.log" 2>&1 &
  SVC_SINK_PID=$!
  SVC_MAIL_OPTS=(-Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port="$1" -Dquarkus.mailer.start-tls=DISABLED)
}
svc_mails_accepted() { cat "$WORK/mails.txt" 2>/dev/null || echo 0; }
