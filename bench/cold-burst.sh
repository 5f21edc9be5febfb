#!/usr/bin/env bash
# The cold-start burst: start the packaged service fresh (new database, cold JVM, the recommended JVM options), and
# the moment it is ready, CONNECTIONS connections post comments at once for SECONDS, each post from a distinct
# author with a distinct body and its own Idempotency-Key (so neither the duplicate rule nor, with the flood rule at
# 0 s as the checks run it, the flood rule refuses any). Reports 2xx/4xx/5xx counts and latency, then counts through
# the moderation API (as admin) that every comment answered 201 is stored, once. Fails on any 5xx, any request left
# without an answer within the load tool's timeout (30 s here), or any 201 not stored. Every author is new, so every
# post also queues a verification mail, sent to an SMTP sink on 127.0.0.1; the run fails unless the sink has received
# one mail per 201 within BENCH_MAIL_SECONDS (30) after the burst: a fresh instance sends its first mail at once.
#
#   BENCH_DB=h2|pg bench/cold-burst.sh [connections] [seconds]     (defaults: 64 20; CI runs 64 5)
#
# Results: bench/results/cold-burst-<db>[-BENCH_TAG].txt (BENCH_RESULTS sets another file, /dev/null for none).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
svc_require_jar
connections=${1:-64}
seconds=${2:-20}
BENCH_FLOOD_SECONDS=${BENCH_FLOOD_SECONDS-0}
SVC_FLOOD_SECONDS=$BENCH_FLOOD_SECONDS
bench_work_dir
trap 'stop_service; [ -n "${SVC_SINK_PID:-}" ] && kill "$SVC_SINK_PID"; db_teardown; rm -rf "$WORK"' EXIT
mkdir -p "$BENCH_DIR/results"
RESULTS=${BENCH_RESULTS:-$BENCH_DIR/results/cold-burst-$BENCH_DB${BENCH_TAG:+-$BENCH_TAG}.txt}
{
  echo "# cold-burst BENCH_DB=$BENCH_DB connections=$connections seconds=$seconds $(date -u +%FT%TZ)"
  echo "# $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), JVM options: ${SVC_JAVA_OPTS:-none}" \
    "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS"
svc_load_tool   # compiled before the start, so that the burst begins the moment the service is ready
svc_smtp_sink $((BENCH_PORT + 25))
db_setup

START_NS=$(date +%s%N)
start_service "${SVC_MAIL_OPTS[@]}"
ready_ms=$(wait_for "$BASE/q/health/ready")
article="cold-burst-$(date +%s)"
# a 30 s client timeout, so that slow answers are measured rather than cut off (PostLoad's default is 10 s)
"$JAVA" -Dpostload.timeout=30 -cp "$WORK/classes" PostLoad post "$BASE" "$article" "$connections" "$seconds" \
  "$WORK/posts.log" | tee -a "$RESULTS"
echo "ready-after-start          ${ready_ms} ms" | tee -a "$RESULTS"
verified=$("${LOAD[@]}" verify "$BASE" "$article" "$WORK/posts.log" "admin:$ADMIN_PASSWORD" || true)
echo "$verified" | tee -a "$RESULTS"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
# "|| true": no such line is the good case, and under pipefail grep's "no match" would end the script
{ grep -i 'overloaded\|unavailable' "$WORK/service.log" || true; } | sed 's/^.*) //' | sort | uniq -c | head -5 \
  | sed 's/^/# service log: /' | tee -a "$RESULTS"

if grep -qE '^[^ ]+ 5[0-9][0-9] ' "$WORK/posts.log"; then
  echo "cold-burst: FAILED, $(grep -cE '^[^ ]+ 5[0-9][0-9] ' "$WORK/posts.log") answers were 5xx" | tee -a "$RESULTS"
  exit 1
fi
echo "$verified" | grep -q ' 0 problems' && ! grep -qE '^[^ ]+ 0 ' "$WORK/posts.log" \
  || { echo "cold-burst: FAILED, a 201 is not stored or a request got no answer" | tee -a "$RESULTS"; exit 1; }
# one verification mail per 201 (every author is new), all received within BENCH_MAIL_SECONDS of the burst's end
created=$(grep -cE '^[^ ]+ 201 ' "$WORK/posts.log" || true)
waited=0
while [ "$(svc_mails_accepted)" -lt "$created" ] && [ "$waited" -lt "${BENCH_MAIL_SECONDS:-30}" ]; do
  sleep 1; waited=$((waited + 1))
done
echo "mails received             $(svc_mails_accepted) of $created, ${waited} s after the burst" | tee -a "$RESULTS"
if [ "$(svc_mails_accepted)" -lt "$created" ]; then
  curl -s -u "admin:$ADMIN_PASSWORD" "$BASE/api/admin/outbox?status=PENDING&limit=5" | head -c 1500 | tee -a "$RESULTS"
  echo; echo "cold-burst: FAILED, mail waits in the outbox" | tee -a "$RESULTS"
  exit 1
fi
echo "cold-burst: OK on $BENCH_DB, no 5xx, every 201 stored once, every mail sent" | tee -a "$RESULTS"
