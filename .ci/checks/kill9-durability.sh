#!/usr/bin/env bash
# Durability under load: post comments from several workers (each with its own Idempotency-Key), kill the service
# with `kill -9` in the middle, start it again, retry every request that got no answer with the same key, and check
# that every comment answered 201 is stored, exactly once, with no 5xx on the way.
#
#   .ci/checks/kill9-durability.sh [h2|postgres] [workers] [comments-before-kill]
#
# h2 (default): the packaged jar from `./mvnw package`, on a fresh H2 file database in a temporary folder.
# postgres: the jar from `./mvnw package -Dquarkus.profile=pg` (JAR, default target/quarkus-app-pg/quarkus-run.jar),
# started with -Dquarkus.profile=pg against JDBC_URL (a fresh database; user and password `comments`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
db=${1:-h2}
workers=${2:-8}
kill_after=${3:-500}
SVC_DB=h2
[ "$db" = postgres ] && SVC_DB=pg && SVC_JAR=${JAR:-}
svc_require_jar
svc_work_dir
trap svc_cleanup EXIT
port=${KILL9_PORT:-18282}
base="http://127.0.0.1:$port"
log="$WORK/posts.log"
article="durability-$(date +%s)"
opts=()
[ "$db" = postgres ] && opts=(-Dquarkus.datasource.jdbc.url="${JDBC_URL:-jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/comments}")

# compiled once up front, so that the load starts at once and the kill lands in mid-stream
svc_load_tool
svc_start service "$port" "${opts[@]}"
svc_wait_ready service >/dev/null
# the flood rule would refuse a load test's many posts; the settings document is seeded from the environment on a
# fresh database, and set through the API for one that may already hold settings
settings=$(curl -fs -u "admin:$ADMIN_PASSWORD" "$base/api/admin/settings")
curl -fs -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X PUT \
  -d "$(echo "$settings" | sed -E 's/"floodSeconds":[0-9]+/"floodSeconds":0/')" "$base/api/admin/settings"

# the load tool itself sends SIGKILL once kill_after comments were created, so the kill lands in mid-stream
"${LOAD[@]}" post "$base" "$article" "$workers" 300 "$log" "$(svc_pid service)" "$kill_after"
svc_kill9 service   # reaps the killed process
svc_start service "$port" "${opts[@]}"
svc_wait_ready service >/dev/null
"${LOAD[@]}" retry "$base" "$article" "$log"
"${LOAD[@]}" verify "$base" "$article" "$log" "admin:$ADMIN_PASSWORD" || svc_fail "see verify above"
echo "kill9: OK on $db: every 201 is stored once, after a kill -9 in mid-stream"
