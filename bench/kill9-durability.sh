#!/usr/bin/env bash
# Durability under load: post comments from several workers (each with its own Idempotency-Key), kill the service
# with `kill -9` in the middle, start it again, retry every request that got no answer with the same key, and check
# that every comment answered 201 is stored, exactly once, with no 5xx on the way.
#
#   bench/kill9-durability.sh [h2|postgres] [workers] [comments-before-kill]
#
# h2 (default): the packaged jar from `./mvnw package`, on a fresh H2 file database in a temporary folder.
# postgres: the jar from `./mvnw package -Dquarkus.profile=pg` (JAR, default target/quarkus-app-pg/quarkus-run.jar),
# started with -Dquarkus.profile=pg against JDBC_URL (a fresh database; user and password `comments`).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
workers=${2:-8}
kill_after=${3:-500}
jar="$PWD/target/quarkus-app/quarkus-run.jar"
[ "$db" = postgres ] && jar="${JAR:-$PWD/target/quarkus-app-pg/quarkus-run.jar}"
[ -f "$jar" ] || { echo "kill9: build first ($jar missing)"; exit 1; }
work=$(mktemp -d)
port=${KILL9_PORT:-18282}
base="http://127.0.0.1:$port"
log="$work/posts.log"
article="durability-$(date +%s)"
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

profile_args=()
[ "$db" = postgres ] && profile_args=(-Dquarkus.profile=pg
  -Dquarkus.datasource.jdbc.url="${JDBC_URL:-jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/comments}")

start() {
  (cd "$work" && COMMENTS_ADMIN_PASSWORD=durability-check COMMENTS_RULES_FLOOD_SECONDS=0 \
      exec java "${profile_args[@]}" -Dquarkus.http.port="$port" -jar "$jar" >>"$work/service.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$base/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "kill9: the service did not become ready"; tail -50 "$work/service.log"; exit 1
}

# compiled once up front, so that the load starts at once and the kill lands in mid-stream
javac -d "$work/classes" bench/tools/PostLoad.java
load_tool=(java -cp "$work/classes" PostLoad)

start
# flood rules would refuse a load test's many posts; the settings document is seeded from the environment on a
# fresh H2 database, and set through the API for a PostgreSQL one that may already hold settings
settings=$(curl -fs -u admin:durability-check "$base/api/admin/settings")
curl -fs -o /dev/null -u admin:durability-check -H 'Content-Type: application/json' -X PUT \
  -d "$(echo "$settings" | sed -E 's/"floodSeconds":[0-9]+/"floodSeconds":0/')" "$base/api/admin/settings"

# the load tool itself sends SIGKILL once kill_after comments were created, so the kill lands in mid-stream
"${load_tool[@]}" post "$base" "$article" "$workers" 300 "$log" "$pid" "$kill_after"
wait "$pid" 2>/dev/null || true
pid=""
start
"${load_tool[@]}" retry "$base" "$article" "$log"
"${load_tool[@]}" verify "$base" "$article" "$log" admin:durability-check
echo "kill9: OK on $db: every 201 is stored once, after a kill -9 in mid-stream"
