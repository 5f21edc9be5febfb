#!/usr/bin/env bash
# The service survives a PostgreSQL outage: with the database stopped, readiness is DOWN and requests that need the
# database answer a quick 503 /problems/unavailable (never /problems/overloaded); once it is started again, the
# service serves 200s without a restart, and the change relay listens again.
#
# Needs a running private cluster made by .ci/pg-cluster.sh (PG_CLUSTER_DIR and PG_CLUSTER_PORT exported, as
# .ci/postgres does) and a jar built for PostgreSQL:
#   ./mvnw -B package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/.ci/pg-cluster.sh"
pg_install_if_missing
: "${PG_CLUSTER_DIR:?start a cluster with .ci/pg-cluster.sh first}" "${PG_CLUSTER_PORT:?}"
SVC_DB=pg
svc_require_jar
svc_work_dir
trap 'svc_cleanup; pg_cluster_start 2>/dev/null || true' EXIT
port=${OUTAGE_CHECK_PORT:-18182}
base="http://127.0.0.1:$port"
code() { curl -s -o "$WORK/body" -w '%{http_code}' "$@"; }

PGPORT=$PG_CLUSTER_PORT svc_start service "$port"
svc_wait_ready service >/dev/null || svc_fail "the service did not become ready"

article="outage-$RANDOM$RANDOM"
[ "$(code "$base/api/articles/$article/comments")" = 200 ] || svc_fail "no 200 before the outage"

echo "== stopping PostgreSQL"
pg_cluster_stop
[ "$(code "$base/q/health/ready")" = 503 ] || svc_fail "readiness is not DOWN without a database"
grep -q '"DOWN"' "$WORK/body" || svc_fail "readiness body does not say DOWN: $(cat "$WORK/body")"
start=$(date +%s%N)
status=$(code "$base/api/articles/$article-2/comments")
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" = 503 ] || svc_fail "GET without a database answered $status: $(cat "$WORK/body")"
[ "$took_ms" -lt 5000 ] || svc_fail "the 503 took ${took_ms} ms; callers must not be held long"
grep -q '"type":"/problems/unavailable"' "$WORK/body" || svc_fail "503 body is not the unavailable problem: $(cat "$WORK/body")"
status=$(code -H 'Content-Type: application/json' \
  -d '{"authorName":"Outage Reader","authorEmail":"outage@example.org","body":"Posted during an outage"}' \
  "$base/api/articles/$article/comments")
[ "$status" = 503 ] || svc_fail "POST without a database answered $status: $(cat "$WORK/body")"
grep -q '"type":"/problems/unavailable"' "$WORK/body" || svc_fail "POST's 503 is not the unavailable problem: $(cat "$WORK/body")"
status=$(code -u "admin:$ADMIN_PASSWORD" "$base/api/moderation/queue")
[ "$status" = 503 ] || svc_fail "moderation queue without a database answered $status (not 401: login needs the DB)"
echo "   readiness DOWN, GET/POST/queue answer 503 /problems/unavailable (GET took ${took_ms} ms)"

echo "== starting PostgreSQL again"
pg_cluster_start
ok=""
for _ in $(seq 1 60); do
  if [ "$(code "$base/q/health/ready")" = 200 ]; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || svc_fail "readiness did not come back UP"
for i in 1 2 3 4 5; do   # every pooled connection was broken by the restart: none may fail a request
  status=$(code "$base/api/articles/$article-$i/comments")
  [ "$status" = 200 ] || svc_fail "GET after recovery answered $status: $(cat "$WORK/body")"
done
status=$(code -H 'Content-Type: application/json' \
  -d '{"authorName":"Outage Reader","authorEmail":"outage@example.org","body":"Posted after the outage"}' \
  "$base/api/articles/$article/comments")
[ "$status" = 201 ] || svc_fail "POST after recovery answered $status: $(cat "$WORK/body")"
# the change relay (comment/ChangeRelay) lost its own connection too; it retries with a back-off of at most 10 s
relay=""
for _ in $(seq 1 30); do
  if grep -q "listening to other instances' changes again" "$WORK/service.log"; then relay=1; break; fi
  sleep 0.5
done
[ -n "$relay" ] || svc_fail "the change relay did not listen again within 15 s of the recovery"
echo "   the change relay warned once during the outage and listens again"
echo "db-outage: OK, 503 + readiness DOWN during the outage, 200/201 after it without a restart"
