#!/usr/bin/env bash
# The import benchmark: a generated WordPress export of N comments (bench/gen-wxr.py) imported into a fresh H2
# service started with a bounded heap (-Xmx, 128m unless BENCH_JAVA_OPTS says otherwise). Prints the import's
# duration, comments imported per second, and the service's peak RSS (VmHWM) and the RSS sampled during the import.
# While it runs, a reader request every 0.5 s checks that the service keeps answering (its worst latency is printed).
# Usage: bench/import-bench.sh [N=100000]
set -euo pipefail
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx128m}
. "$(dirname "$0")/lib.sh"
N=${1:-100000}
[ -f "$(jar_path)" ] || { echo "bench: $(jar_path) missing; build it first (./mvnw -B package -DskipTests)"; exit 1; }
bench_work_dir
trap 'stop_service' EXIT
"$BENCH_DIR/gen-wxr.py" "$N" > "$WORK/export.xml"
echo "file: $N comments, $(( $(stat -c %s "$WORK/export.xml") / 1024 / 1024 )) MB; JVM: $BENCH_JAVA_OPTS"
START_NS=$(date +%s%N)
start_service
wait_for "$BASE/q/health/ready" >/dev/null
echo "RSS after start: $(rss_mb) MB"
T0=$(date +%s%N)
JOB=$(curl -s -H "$AUTH" -H 'Content-Type: application/xml' --data-binary "@$WORK/export.xml" \
  "$BASE/api/admin/imports?format=wxr" | sed -E 's/^\{"id":([0-9]+).*/\1/')
PEAK_SAMPLE=0; WORST_READ=0
while true; do
  STATUS=$(curl -s -H "$AUTH" "$BASE/api/admin/imports/$JOB")
  case "$STATUS" in *'"status":"DONE"'*|*'"status":"FAILED"'*) break ;; esac
  R=$(rss_mb); [ "$R" -gt "$PEAK_SAMPLE" ] && PEAK_SAMPLE=$R
  READ_MS=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/articles/bench-article-1/comments" | awk '{printf "%d", $1*1000}')
  [ "$READ_MS" -gt "$WORST_READ" ] && WORST_READ=$READ_MS
  sleep 0.5
done
T1=$(date +%s%N)
MS=$(( (T1 - T0) / 1000000 ))
CREATED=$(echo "$STATUS" | sed -E 's/.*"comments":\{"created":([0-9]+).*/\1/')
echo "job: $STATUS"
echo "import: $CREATED comments in $MS ms = $(( CREATED * 1000 / (MS > 0 ? MS : 1) )) comments/s"
echo "RSS: peak sampled $PEAK_SAMPLE MB, VmHWM $(( $(awk '/VmHWM/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 )) MB"
echo "a reader's page during the import: worst $WORST_READ ms"
