#!/usr/bin/env bash
# Two instances on one PostgreSQL send each mail exactly once: both claim outbox rows with FOR UPDATE SKIP LOCKED.
# Readers post N comments from N new addresses, half on each instance; each post queues one verification mail. A
# small SMTP sink (smtp-sink.py) records every mail it receives; the check waits until the outbox has nothing
# waiting, then requires N mails, one per address. Both instances poll the outbox every second, so both take part;
# which one sent a mail is not recorded.
#
# Needs a running private cluster (.ci/pg-cluster.sh; PG_CLUSTER_PORT exported, as .ci/postgres does) and the
# PostgreSQL jar (target/quarkus-app-pg). Makes a fresh database "comments_mail".
set -euo pipefail
. "$(dirname "$0")/lib.sh"
: "${PG_CLUSTER_PORT:?start a cluster with .ci/pg-cluster.sh first}"
SVC_DB=pg
svc_require_jar
svc_work_dir
trap 'kill "${sink:-}" 2>/dev/null || true; svc_cleanup' EXIT
n=${MAIL_CHECK_COMMENTS:-120}
smtp=${MAIL_CHECK_SMTP_PORT:-18225}
fail() { echo "two-instances-mail: FAILED, $*"; tail -20 "$WORK"/*.log; exit 1; }

PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS comments_mail" -c "CREATE DATABASE comments_mail OWNER comments"
python3 "$(dirname "$0")/smtp-sink.py" "$smtp" "$WORK/received.txt" >"$WORK/sink.log" 2>&1 &
sink=$!
opts=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_CLUSTER_PORT/comments_mail"
      -Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port="$smtp" -Dquarkus.mailer.mock=false)
svc_start a "${MAIL_CHECK_PORT_A:-18193}" "${opts[@]}"
svc_start b "${MAIL_CHECK_PORT_B:-18194}" "${opts[@]}"
svc_wait_ready a >/dev/null
svc_wait_ready b >/dev/null
A=$(svc_url a)
B=$(svc_url b)

article="mail-$RANDOM$RANDOM"
for i in $(seq 1 "$n"); do
  base=$([ $((i % 2)) = 0 ] && echo "$A" || echo "$B")
  curl -fs -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"authorName\":\"Reader $i\",\"authorEmail\":\"mail-check-$i@example.org\",\"body\":\"Comment $i\"}" \
    "$base/api/articles/$article/comments" || fail "post $i was refused"
done
echo "   $n comments posted from $n new addresses, half on each instance"

for _ in $(seq 1 120); do
  page=$(curl -fs -u "admin:$ADMIN_PASSWORD" "$A/api/admin/outbox?status=PENDING&limit=200") \
    || fail "the outbox view did not answer"
  waiting=$(printf '%s' "$page" | { grep -o '"id":' || true; } | wc -l)
  [ "$waiting" = 0 ] && break
  sleep 0.5
done
[ "$waiting" = 0 ] || fail "$waiting mails still waiting after 60 s"
sleep 2   # a mail sent a moment ago may still be on its way to the sink's file
[ -f "$WORK/received.txt" ] || fail "the SMTP sink received nothing"
received=$(wc -l <"$WORK/received.txt")
distinct=$(cut -d' ' -f1 "$WORK/received.txt" | sort -u | wc -l)
[ "$received" = "$n" ] || fail "the sink received $received mails for $n addresses"
[ "$distinct" = "$n" ] || fail "$distinct addresses got mail, some twice"
echo "   every address got its mail exactly once: $received mails, $distinct addresses"
