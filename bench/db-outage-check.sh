#!/usr/bin/env bash
# The service survives a PostgreSQL outage: with the database stopped, readiness is DOWN and requests that need the
# database answer a quick 503 problem; once it is started again, the service serves 200s without a restart.
#
# Needs a running private cluster made by .ci/pg-cluster.sh (PG_CLUSTER_DIR and PG_CLUSTER_PORT exported, as
# .ci/postgres does) and a jar built for PostgreSQL:
#   ./mvnw -B package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/pg-cluster.sh
pg_install_if_missing
: "${PG_CLUSTER_DIR:?start a cluster with .ci/pg-cluster.sh first}" "${PG_CLUSTER_PORT:?}"
jar="$PWD/target/quarkus-app-pg/quarkus-run.jar"
[ -f "$jar" ] || { echo "db-outage-check: $jar missing (build it with -Dquarkus.profile=pg)"; exit 1; }
port=${OUTAGE_CHECK_PORT:-18182}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=""
cleanup() {   # "|| true": under set -e a failing command here would end the trap with its status
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pg_cluster_start 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "db-outage-check: FAILED, $*"; tail -40 "$work/service.log"; exit 1; }
code() { curl -s -o "$work/body" -w '%{http_code}' "$@"; }

(cd "$work" && PGPORT=$PG_CLUSTER_PORT COMMENTS_ADMIN_PASSWORD=outage-check exec java -Dquarkus.profile=pg \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -fs "$base/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
[ "$(code "$base/q/health/ready")" = 200 ] || fail "the service did not become ready"

article="outage-$RANDOM$RANDOM"
[ "$(code "$base/api/articles/$article/comments")" = 200 ] || fail "no 200 before the outage"

echo "== stopping PostgreSQL"
pg_cluster_stop
[ "$(code "$base/q/health/ready")" = 503 ] || fail "readiness is not DOWN without a database"
grep -q '"DOWN"' "$work/body" || fail "readiness body does not say DOWN: $(cat "$work/body")"
start=$(date +%s%N)
status=$(code "$base/api/articles/$article-2/comments")
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" = 503 ] || fail "GET without a database answered $status: $(cat "$work/body")"
[ "$took_ms" -lt 5000 ] || fail "the 503 took ${took_ms} ms; callers must not be held long"
grep -q '"type":"/problems/unavailable"' "$work/body" || fail "503 body is not the unavailable problem"
status=$(code -H 'Content-Type: application/json' \
  -d '{"authorName":"Outage Reader","authorEmail":"outage@example.org","body":"Posted during an outage"}' \
  "$base/api/articles/$article/comments")
[ "$status" = 503 ] || fail "POST without a database answered $status: $(cat "$work/body")"
status=$(code -u admin:outage-check "$base/api/moderation/queue")
[ "$status" = 503 ] || fail "moderation queue without a database answered $status (not 401: login needs the DB)"
echo "   readiness DOWN, GET/POST/queue answer 503 /problems/unavailable (GET took ${took_ms} ms)"

echo "== starting PostgreSQL again"
pg_cluster_start
ok=""
for _ in $(seq 1 60); do
  if [ "$(code "$base/q/health/ready")" = 200 ]; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || fail "readiness did not come back UP"
for i in 1 2 3 4 5; do   # every pooled connection was broken by the restart: none may fail a request
  status=$(code "$base/api/articles/$article-$i/comments")
  [ "$status" = 200 ] || fail "GET after recovery answered $status: $(cat "$work/body")"
done
status=$(code -H 'Content-Type: application/json' \
  -d '{"authorName":"Outage Reader","authorEmail":"outage@example.org","body":"Posted after the outage"}' \
  "$base/api/articles/$article/comments")
[ "$status" = 201 ] || fail "POST after recovery answered $status: $(cat "$work/body")"
# the change relay (comment/ChangeRelay) lost its own connection too; it retries with a back-off of at most 10 s
relay=""
for _ in $(seq 1 30); do
  if grep -q "listening to other instances' changes again" "$work/service.log"; then relay=1; break; fi
  sleep 0.5
done
[ -n "$relay" ] || fail "the change relay did not listen again within 15 s of the recovery"
echo "   the change relay warned once during the outage and listens again"
echo "db-outage-check: OK, 503 + readiness DOWN during the outage, 200/201 after it without a restart"
