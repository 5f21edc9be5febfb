#!/usr/bin/env bash
# Benchmark 2: POST of valid comments from distinct authors (distinct emails and, through a trusted X-Forwarded-For,
# distinct IPs, so the flood rule, left on at its default, refuses none), each with its own Idempotency-Key, as the
# embed sends them. Every author is new, so every post also queues the mail that asks its author to confirm the
# address; it goes to an SMTP sink on 127.0.0.1 (bench/tools/SmtpSink.java) that accepts and drops it, so mail costs
# what it costs in production (BENCH_SMTP=down leaves the mailer pointed at a closed port instead). After a warm-up
# (the JIT needs about two minutes of this load on two cores to settle), one measured run; then a check that every
# comment answered 201 is in the database, once, and that no answer was a 5xx.
#
#   BENCH_DB=h2|pg bench/post-bench.sh [connections] [seconds] [warm-up seconds]     (defaults: 32 20 120)
#
# The 60 s soak of the issue is `bench/post-bench.sh 32 60`. Results: bench/results/post-<db>[-BENCH_TAG].txt.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ -f "$(jar_path)" ] || { echo "post-bench: $(jar_path) missing; build it first (see bench/README.md)"; exit 1; }
connections=${1:-32}
seconds=${2:-20}
warmup=${3:-120}
bench_work_dir
trap 'stop_service; db_teardown; rm -rf "$WORK"' EXIT
mkdir -p "$BENCH_DIR/results"
RESULTS="$BENCH_DIR/results/post-$BENCH_DB${BENCH_TAG:+-$BENCH_TAG}.txt"
{
  echo "# post-bench BENCH_DB=$BENCH_DB connections=$connections seconds=$seconds warm-up=${warmup}s $(date -u +%FT%TZ)"
  echo "# $(nproc) cores, $("$JAVA" -version 2>&1 | head -1) ${BENCH_JAVA_OPTS:-} ${MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RESULTS"
javac -d "$WORK/classes" "$BENCH_DIR/tools/PostLoad.java" "$BENCH_DIR/tools/SmtpSink.java"
load() { "$JAVA" -cp "$WORK/classes" PostLoad "$@"; }
mails_sent() { cat "$WORK/mails.txt" 2>/dev/null || echo 0; }

mail=()
if [ "${BENCH_SMTP:-sink}" = sink ]; then
  smtp_port=$((BENCH_PORT + 25))
  "$JAVA" -cp "$WORK/classes" SmtpSink "$smtp_port" "$WORK/mails.txt" &
  smtp_pid=$!
  trap 'kill "$smtp_pid" 2>/dev/null; stop_service; db_teardown; rm -rf "$WORK"' EXIT
  mail=(-Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port="$smtp_port" -Dquarkus.mailer.start-tls=DISABLED)
fi
db_setup
START_NS=$(date +%s%N)
start_service -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
  -Dquarkus.http.proxy.trusted-proxies=127.0.0.1 "${mail[@]}"
wait_for "$BASE/q/health/ready" >/dev/null
article="post-bench-$(date +%s)"
echo "== warm-up: $connections connections for ${warmup}s"
[ "$warmup" -gt 0 ] && load post "$BASE" "$article-warm-up" "$connections" "$warmup" "$WORK/warm-up.log" | tail -1
# service_ticks [THREAD-NAME-PREFIX]: CPU time (clock ticks) of the service, or of its threads of that name so far
service_ticks() {
  if [ -z "${1:-}" ]; then awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; return; fi
  for task in /proc/"$SERVICE_PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in "$1"*) sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}';; esac
  done | awk '{sum += $1} END {print sum + 0}'
}
echo "== measured: $connections connections for ${seconds}s"
cpu_before=$(service_ticks); jit_before=$(service_ticks "C2 CompilerThre"); mails_before=$(mails_sent)
peak=0
( while sleep 0.5; do ps -o rss= -p "$SERVICE_PID" 2>/dev/null || break; done >"$WORK/rss.txt" ) &
sampler=$!
load post "$BASE" "$article" "$connections" "$seconds" "$WORK/posts.log" | tee -a "$RESULTS"
kill "$sampler" 2>/dev/null || true
cpu=$(( $(service_ticks) - cpu_before )); jit=$(( $(service_ticks "C2 CompilerThre") - jit_before ))
created=$(grep -c ' 201 ' "$WORK/posts.log" || true)
sleep 1   # the sink writes its count once a second
echo "mails-sent-while-measured  $(( $(mails_sent) - mails_before )) (SMTP: ${BENCH_SMTP:-sink})" | tee -a "$RESULTS"
# CPU per comment tells runs apart better than comments/s: the load tool shares the two cores, and the JIT's
# choices differ from one run to the next (bench/README, benchmark 2)
awk -v c="$cpu" -v j="$jit" -v n="$created" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0)
  printf "service-cpu-per-comment    %.2f ms, of which the C2 JIT compiler %.2f ms\n", c * 1000 / hz / n, j * 1000 / hz / n }' \
  | tee -a "$RESULTS"
peak=$(sort -n "$WORK/rss.txt" | tail -1)
echo "rss-peak-under-post-load   $(( peak / 1024 )) MB" | tee -a "$RESULTS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
load verify "$BASE" "$article" "$WORK/posts.log" "admin:$ADMIN_PASSWORD" | tee -a "$RESULTS"
if grep -qE '^[^ ]+ 5[0-9][0-9] ' "$WORK/posts.log" "$WORK/warm-up.log" 2>/dev/null; then
  echo "post-bench: 5xx answers" | tee -a "$RESULTS"; exit 1
fi
grep -q ' 0 problems' "$RESULTS" || { echo "post-bench: the check failed"; exit 1; }
