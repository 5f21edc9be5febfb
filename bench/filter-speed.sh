#!/usr/bin/env bash
# What the learned filter costs (issue 16), on a fresh H2 service: a generated WordPress export of N decided comments
# (tools/filter_speed.py; 100,000 by default) is imported with train=true, so the model learns N decisions; then
# scoring time per post (timed in the service, and a post's median with the filter on and off) and bulk moderation
# of 200 comments with learning (spam decisions) against without (rejections teach nothing). Targets: scoring
# median < 0.2 ms; bulk < 2x its time without learning.
# Usage: bench/filter-speed.sh [N=100000]   (output also in bench/results/filter-speed.txt)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
N=${1:-100000}
svc_require_jar
bench_work_dir
trap 'stop_service' EXIT
python3 "$BENCH_DIR/tools/filter_speed.py" wxr "$N" > "$WORK/decided.xml"
start_service -Dquarkus.mailer.mock=true
wait_for "$BASE/q/health/ready" >/dev/null
mkdir -p "$BENCH_DIR/results"
{
  echo "JVM: ${SVC_JAVA_OPTS}; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  T0=$(date +%s%N)
  JOB=$(curl -fs -H "$AUTH" -H 'Content-Type: application/xml' --data-binary "@$WORK/decided.xml" \
    "$BASE/api/admin/imports?format=wxr&train=true" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  while true; do
    STATUS=$(curl -fs -H "$AUTH" "$BASE/api/admin/imports/$JOB")
    case "$STATUS" in *'"status":"DONE"'*|*'"status":"FAILED"'*) break ;; esac
    sleep 1
  done
  echo "import with train=true: $(( ($(date +%s%N) - T0) / 1000000 )) ms for $N comments: $STATUS" | cut -c1-400
  until curl -fs -H "$AUTH" "$BASE/api/admin/filter" | grep -q '"waiting":0[,}]'; do sleep 1; done
  echo "learned every imported decision: $(( ($(date +%s%N) - T0) / 1000000 )) ms after the import started"
  python3 "$BENCH_DIR/tools/filter_speed.py" run "$BASE" "$ADMIN_PASSWORD"
  echo "RSS: $(rss_mb) MB"
} | tee "$BENCH_DIR/results/filter-speed.txt"
