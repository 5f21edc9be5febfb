#!/usr/bin/env bash
# The embedded H2 file database keeps comments across a restart: start the packaged service in a fresh folder, post
# and approve a comment, stop it, start it again, and read the comment back (then post again, so the reopened
# database also takes writes). Needs target/quarkus-app from `./mvnw verify` or `./mvnw package`.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SVC_DB=h2
svc_require_jar
svc_work_dir
trap svc_cleanup EXIT
port=${PERSISTENCE_CHECK_PORT:-18181}
base="http://127.0.0.1:$port"

svc_start service "$port"
svc_wait_ready service >/dev/null
id=$(curl -fs -H 'Content-Type: application/json' \
  -d '{"authorName":"Restart Reader","authorEmail":"restart@example.org","body":"Still here after a restart"}' \
  "$base/api/articles/persistence-check/comments" | sed -E 's/.*"id":([0-9]+).*/\1/')
curl -fs -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST \
  "$base/api/moderation/comments/$id/approve" >/dev/null
svc_stop service
svc_start service "$port"
svc_wait_ready service >/dev/null
thread=$(curl -fs "$base/api/articles/persistence-check/comments")
echo "$thread" | grep -q '"body":"Still here after a restart"' \
  || svc_fail "comment $id lost across restart: $thread"
curl -fs -o /dev/null -H 'Content-Type: application/json' \
  -d '{"authorName":"Second Reader","authorEmail":"second@example.org","body":"Written after the restart"}' \
  "$base/api/articles/persistence-check/comments" || svc_fail "the reopened database refused a new comment"
svc_stop service
echo "persistence: comment $id survived a restart of the H2 file database"
