#!/usr/bin/env bash
# Benchmark 4, the faster path: start-up to the first served thread page, and RSS at rest, on the default Java 17,
# on a newer JDK (JAVA25, default /usr/lib/jvm/temurin-25-jdk-amd64) without and with a JDK AOT cache
# (JEP 483/514: -XX:AOTCacheOutput on a training run, -XX:AOTCache after). Same jar (release 17 bytecode), same
# H2 file database, RUNS (3) starts each. Java 17 stays enough; the AOT cache only shortens the start.
#
# With target/quarkus-app-aot from Quarkus' aot-jar packaging (a plain class path instead of Quarkus' own class loader,
# so the JDK can cache the application's classes too), the same again with that jar:
#   ./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=quarkus-app-aot
#
#   bench/aot-startup.sh          (needs target/quarkus-app from ./mvnw package; results in bench/results/aot-startup.txt)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ -f "$(jar_path)" ] || { echo "aot-startup: $(jar_path) missing; build it first"; exit 1; }
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA25" ] || { echo "aot-startup: no newer JDK at $JAVA25 (set JAVA25)"; exit 1; }
RUNS=${RUNS:-3}
bench_work_dir
trap 'stop_service; rm -rf "$WORK"' EXIT
mkdir -p "$BENCH_DIR/results"
RESULTS="$BENCH_DIR/results/aot-startup${BENCH_TAG:+-$BENCH_TAG}.txt"
{
  echo "# aot-startup $(date -u +%FT%TZ), $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# Java 17: $(java -version 2>&1 | head -1); newer: $("$JAVA25" -version 2>&1 | head -1)"
} >"$RESULTS"
thread="$BASE/api/articles/aot-demo/comments"

# exercise: the requests a training run should have seen (read, post, moderate), a few times each
exercise() {
  for i in $(seq 1 30); do
    curl -s -o /dev/null "$thread"
    curl -s -o /dev/null -H 'Content-Type: application/json' -X POST "$thread" \
      -d "{\"authorName\":\"Trainer\",\"authorEmail\":\"trainer-$i-$RANDOM@example.org\",\"body\":\"Training comment $i\"}"
    curl -s -o /dev/null -H "$AUTH" "$BASE/api/moderation/queue"
  done
}

# measure LABEL JAVA [options...]: RUNS starts, each to the first 200 of the thread, then RSS 5 s later
measure() {
  local label=$1
  shift
  for run in $(seq 1 "$RUNS"); do
    JAVA=$1
    START_NS=$(date +%s%N)
    start_service "${@:2}"
    local ms
    ms=$(wait_for "$thread")
    sleep 5
    printf '%-34s run %s: first 200 after %6s ms, RSS at rest %4s MB\n' "$label" "$run" "$ms" "$(rss_mb)" \
      | tee -a "$RESULTS"
    stop_service
  done
}

echo "== first start: migrate the fresh H2 database, seed a little"
JAVA=java START_NS=$(date +%s%N)
start_service
wait_for "$BASE/q/health/ready" >/dev/null
exercise
stop_service

# train CACHE LABEL: a training run on the newer JDK, which writes the AOT cache CACHE at exit
train() {
  echo "== training run on the newer JDK ($2)"
  JAVA=$JAVA25 START_NS=$(date +%s%N)
  start_service -XX:AOTCacheOutput="$1" -Xlog:aot=off -Xlog:cds=off
  wait_for "$BASE/q/health/ready" >/dev/null
  exercise
  stop_service
  ls -la "$1" | awk -v label="$2" '{printf "# AOT cache of the %s: %d MB\n", label, $5/1048576}' | tee -a "$RESULTS"
}

train "$WORK/app.aot" "fast-jar"

measure "java 17" java
measure "java 25" "$JAVA25"
measure "java 25 + AOT cache" "$JAVA25" -XX:AOTCache="$WORK/app.aot" -Xlog:aot=off -Xlog:cds=off

AOT_JAR="$ROOT/target/quarkus-app-aot/quarkus-run.jar"
if [ -f "$AOT_JAR" ]; then
  export BENCH_JAR=$AOT_JAR
  train "$WORK/app-jar.aot" "aot-jar"
  measure "java 25 + aot-jar + AOT cache" "$JAVA25" -XX:AOTCache="$WORK/app-jar.aot" -Xlog:aot=off -Xlog:cds=off
  measure "java 17 + aot-jar (no cache)" java
fi
