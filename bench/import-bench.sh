#!/usr/bin/env bash
# The import benchmark: a generated WordPress export of N comments (bench/gen-wxr.py) imported into a fresh H2
# service started with a bounded heap (-Xmx, 128m unless BENCH_JAVA_OPTS says otherwise). Prints the import's
# duration (both passes: the whole-file check, then the writing), comments imported per second, the service's peak RSS
# (VmHWM) and the RSS sampled during the import. Meanwhile a reader asks for a thread page every 50 ms (one request at
# a time, as a reader's browser would, on a page the import is filling and on one it is not), and the script prints
# those pages' median, p99 and worst times. BENCH_DRY_RUN=true imports with dryRun=true (nothing stored).
# Usage: bench/import-bench.sh [N=100000]
set -euo pipefail
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx128m}
. "$(dirname "$0")/lib.sh"
N=${1:-100000}
[ -f "$(jar_path)" ] || { echo "bench: $(jar_path) missing; build it first (./mvnw -B package -DskipTests)"; exit 1; }
bench_work_dir
READER_PID=""
trap '[ -n "$READER_PID" ] && kill "$READER_PID" 2>/dev/null; stop_service' EXIT
"$BENCH_DIR/gen-wxr.py" "$N" > "$WORK/export.xml"
echo "file: $N comments, $(( $(stat -c %s "$WORK/export.xml") / 1024 / 1024 )) MB; JVM: $BENCH_JAVA_OPTS"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
START_NS=$(date +%s%N)
start_service
wait_for "$BASE/q/health/ready" >/dev/null
echo "RSS after start: $(rss_mb) MB"
# a thread that exists before the import, so its page is a cache miss only after an import batch evicts it
curl -s -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -X PUT -d '{"title":"Before"}' \
  "$BASE/api/admin/articles/bench-reader-article"
( while true; do
    for page in bench-article-1 bench-reader-article "bench-article-$(( (RANDOM % (N / 50 + 1)) + 1 ))"; do
      curl -s -o /dev/null -w '%{time_total}\n' "$BASE/api/articles/$page/comments" >> "$WORK/reads.txt"
    done
    sleep 0.05
  done ) &
READER_PID=$!
cpu_ms() { awk '{ print int(($14 + $15) * 1000 / '"$(getconf CLK_TCK)"') }' "/proc/$SERVICE_PID/stat"; }
CPU0=$(cpu_ms)
T0=$(date +%s%N)
JOB=$(curl -s -H "$AUTH" -H 'Content-Type: application/xml' --data-binary "@$WORK/export.xml" \
  "$BASE/api/admin/imports?format=wxr&dryRun=${BENCH_DRY_RUN:-false}" | sed -E 's/^\{"id":([0-9]+).*/\1/')
PEAK_SAMPLE=0; CHECKED_MS=""
while true; do
  STATUS=$(curl -s -H "$AUTH" "$BASE/api/admin/imports/$JOB")
  case "$STATUS" in *'"status":"DONE"'*|*'"status":"FAILED"'*) break ;; esac
  case "$STATUS" in *'"phase":"WRITING"'*) [ -z "$CHECKED_MS" ] && CHECKED_MS=$(( ($(date +%s%N) - T0) / 1000000 )) ;; esac
  R=$(rss_mb); [ "$R" -gt "$PEAK_SAMPLE" ] && PEAK_SAMPLE=$R
  sleep 0.5
done
T1=$(date +%s%N)
CPU1=$(cpu_ms)
kill "$READER_PID" 2>/dev/null; wait "$READER_PID" 2>/dev/null || true; READER_PID=""
MS=$(( (T1 - T0) / 1000000 ))
CREATED=$(echo "$STATUS" | sed -E 's/.*"comments":\{"created":([0-9]+).*/\1/')
echo "job: $STATUS" | cut -c1-600
echo "import: $CREATED comments in $MS ms = $(( CREATED * 1000 / (MS > 0 ? MS : 1) )) comments/s" \
  "(the whole-file check took ${CHECKED_MS:-?} ms of it)"
# on a shared machine the wall time says how busy the others were; the service's CPU time says what the import costs
echo "service CPU during the import: $(( CPU1 - CPU0 )) ms = $(( CREATED * 1000 / ((CPU1 - CPU0) > 0 ? (CPU1 - CPU0) : 1) ))" \
  "comments per CPU-second (readers' pages and the job's polling included)"
echo "RSS: peak sampled $PEAK_SAMPLE MB, VmHWM $(( $(awk '/VmHWM/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 )) MB"
sort -n "$WORK/reads.txt" | awk '{ t[NR] = $1 * 1000 } END {
  printf "readers meanwhile: %d pages, median %.1f ms, p99 %.1f ms, worst %.1f ms\n",
    NR, t[int(NR * 0.5) + 1], t[int(NR * 0.99) + 1], t[NR] }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
