#!/usr/bin/env bash
# Benchmarks 1, 3 and 4 of bench/README.md on one database, for each data size given (default: 10000 1000000).
#   BENCH_DB=h2 bench/run.sh [ROWS...]     embedded H2 file database (target/quarkus-app)
#   BENCH_DB=pg bench/run.sh [ROWS...]     a private PostgreSQL cluster on 127.0.0.1:$BENCH_PGPORT (target/quarkus-app-pg)
# Each wrk run lasts BENCH_SECONDS (10) after a short warm-up. Results go to bench/results/<db>-<rows>[-BENCH_TAG].txt.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
require_tools
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 1000000)
mkdir -p "$BENCH_DIR/results"
trap 'stop_service; db_teardown' EXIT

# queue_sql_times MICROS ID: the queue's two SQL statements alone (as Hibernate sends them, 51 rows for 50 items),
# timed by the database itself, and the plan, to show the index is used and read in order. PostgreSQL: third run of
# each. H2: the first run, because H2 answers a repeated query from its cache of the last result while nothing was
# written, which would time nothing (and hid a sort of the whole queue in earlier runs of this script)
queue_sql_times() {
  local ts
  if [ "$BENCH_DB" = pg ]; then ts="to_timestamp($1 / 1000000.0)"; else
    ts="DATEADD(MICROSECOND, $1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')"; fi
  local where_first="status = 'PENDING'"
  local where_deep="status = 'PENDING' AND created_at >= $ts AND (created_at > $ts OR (created_at = $ts AND id > $2))"
  for page in first deep; do
    local where=$where_first
    [ "$page" = deep ] && where=$where_deep
    local select="SELECT * FROM comment WHERE $where ORDER BY status, created_at, id FETCH FIRST 51 ROWS ONLY"
    if [ "$BENCH_DB" = pg ]; then
      for _ in 1 2 3; do
        PGPASSWORD=comments psql -qtA -h 127.0.0.1 -p "$BENCH_PGPORT" -U comments comments \
          -c "EXPLAIN (ANALYZE, BUFFERS) $select" >"$WORK/plan-$page.txt"
      done
      printf 'sql-queue-%-18s %s  plan: %s\n' "$page-page" "$(grep -o 'Execution Time: .*' "$WORK/plan-$page.txt")" \
        "$(grep -m1 -o 'Index Scan using [a-z_]*' "$WORK/plan-$page.txt" || head -1 "$WORK/plan-$page.txt")" \
        | tee -a "$RESULTS"
    else
      "$JAVA" -cp "$(ls "$ROOT"/target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.Shell \
        -url "jdbc:h2:file:$WORK/data/comments" -user sa -sql "$select; EXPLAIN $select" \
        >"$WORK/plan-$page.txt"
      printf 'sql-queue-%-18s Execution Time: %s  plan: %s %s\n' "$page-page" \
        "$(grep -o '(51 rows, [0-9]* ms)' "$WORK/plan-$page.txt" | head -1 | grep -o '[0-9]* ms')" \
        "$(grep -o 'PUBLIC\.[A-Z_]*IDX[A-Z_]*' "$WORK/plan-$page.txt" | head -1)" \
        "$(grep -o 'index sorted' "$WORK/plan-$page.txt" | head -1)" | tee -a "$RESULTS"
    fi
  done
}

for rows in "${sizes[@]}"; do
  bench_work_dir
  RESULTS="$BENCH_DIR/results/$BENCH_DB-$rows${BENCH_TAG:+-$BENCH_TAG}.txt"
  {
    echo "# BENCH_DB=$BENCH_DB rows=$rows $(date -u +%FT%TZ)"
    echo "# $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1) ${BENCH_JAVA_OPTS:-} ${MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
    echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$RESULTS"
  db_setup

  echo "== $BENCH_DB, $rows comments: migrate, seed"
  START_NS=$(date +%s%N); start_service; wait_for "$BASE/q/health/ready" >/dev/null
  [ "$BENCH_DB" = h2 ] && stop_service      # H2: one process per database file
  "$BENCH_DIR/gen-data.sh" "$BENCH_DB" "$rows" 200 >"$WORK/seed.sql"
  seed_start=$(date +%s)
  sql "$WORK/seed.sql"
  pending=$(query "SELECT COUNT(*) FROM comment WHERE status = 'PENDING'")
  deep=$(( pending * 9 / 10 ))
  # the cursor of the deep page: the item at 90% of the queue (found once here with OFFSET; the service never does)
  if [ "$BENCH_DB" = pg ]; then
    row=$(query "SELECT (EXTRACT(EPOCH FROM created_at) * 1000000)::bigint || ' ' || id FROM comment WHERE status = 'PENDING' ORDER BY created_at, id OFFSET $deep LIMIT 1")
  else
    row=$(query "SELECT DATEDIFF(MICROSECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', created_at) || '_' || id FROM comment WHERE status = 'PENDING' ORDER BY created_at, id OFFSET $deep ROWS FETCH FIRST 1 ROWS ONLY" | tr '_' ' ')
  fi
  after=$(cursor ${row% *} ${row#* })
  size=""
  [ "$BENCH_DB" = h2 ] && size=", H2 file $(du -m "$WORK/data/comments.mv.db" | cut -f1) MB after SHUTDOWN COMPACT"
  echo "# seeded in $(( $(date +%s) - seed_start )) s: $pending pending; deep page starts after item $deep$size" \
    | tee -a "$RESULTS"
  queue_sql_times "${row% *}" "${row#* }"

  echo "== benchmark 4: start-up to the first served thread page, RSS"
  [ -n "$SERVICE_PID" ] && stop_service
  START_NS=$(date +%s%N); start_service
  first_ms=$(wait_for "$BASE/api/articles/bench-thread/comments?limit=200")
  sleep 5
  echo "startup-to-first-200        ${first_ms} ms" | tee -a "$RESULTS"
  echo "rss-at-rest                 $(rss_mb) MB" | tee -a "$RESULTS"

  echo "== benchmark 1: 200-comment thread vs the same bytes as a static file, 64 connections"
  curl -fs "$BASE/api/articles/bench-thread/comments?limit=200" -o "$WORK/static/thread.json"
  size=$(stat -c %s "$WORK/static/thread.json")
  cmp -s <(curl -fs "$BASE/static/thread.json") "$WORK/static/thread.json" || { echo "static copy differs"; exit 1; }
  grep -o '"id":' "$WORK/static/thread.json" | wc -l | grep -qx 200 || { echo "thread page is not 200 comments"; exit 1; }
  echo "# thread page: $size bytes, 200 comments" | tee -a "$RESULTS"
  wrk -t2 -c64 -d3s "$BASE/api/articles/bench-thread/comments?limit=200" >/dev/null   # warm-up (JIT)
  wrk -t2 -c64 -d3s "$BASE/static/thread.json" >/dev/null
  peak=0
  ( while kill -0 "$SERVICE_PID" 2>/dev/null; do ps -o rss= -p "$SERVICE_PID"; sleep 0.5; done ) >"$WORK/rss.txt" &
  sampler=$!
  run_wrk thread-200 64 "$SECONDS_PER_RUN" "$BASE/api/articles/bench-thread/comments?limit=200"
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$WORK/rss.txt" | tail -1)
  run_wrk static-same-bytes 64 "$SECONDS_PER_RUN" "$BASE/static/thread.json"
  echo "rss-peak-under-thread-load  $(( peak / 1024 )) MB" | tee -a "$RESULTS"

  echo "== benchmark 3: moderation queue, first and deep page (50 items), 1 connection"
  queue="$BASE/api/moderation/queue?limit=50"
  curl -fs -H "$AUTH" "$queue&after=$after" | grep -q '"status":"PENDING"' || { echo "deep page is empty"; exit 1; }
  # warm-up: on H2 at a million comments the first read of the queue index after start-up takes seconds (a 3 GB
  # file, cold), longer than wrk's 2 s timeout; each page is read until it answers within 100 ms (at most 30 times),
  # and the first, cold read is reported on its own
  for page in first deep; do
    url=$queue
    [ "$page" = deep ] && url="$queue&after=$after"
    for try in $(seq 1 30); do
      t=$(curl -s -o /dev/null -w '%{time_total}' --max-time 60 -H "$AUTH" "$url")
      [ "$try" = 1 ] && printf 'queue-%-22s %s s (cold, once)\n' "$page-page-first-read" "$t" | tee -a "$RESULTS"
      awk -v t="$t" 'BEGIN { exit !(t < 0.1) }' && break
    done
  done
  wrk -t1 -c1 -d2s -H "$AUTH" "$queue" >/dev/null
  run_wrk login-only-404 1 "$SECONDS_PER_RUN" "$BASE/api/moderation/comments/0" -H "$AUTH"
  # limit 50 and 49 in turn: no request is answered from H2's cache of the previous result
  run_wrk queue-first-page 1 "$SECONDS_PER_RUN" "$queue" -H "$AUTH" -s "$BENCH_DIR/tools/alternate-limit.lua"
  run_wrk queue-deep-page 1 "$SECONDS_PER_RUN" "$queue&after=$after" -H "$AUTH" \
    -s "$BENCH_DIR/tools/alternate-limit.lua"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

  stop_service
  db_teardown
  rm -rf "$WORK"
done
