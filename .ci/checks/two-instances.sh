#!/usr/bin/env bash
# Two instances on one PostgreSQL behave as one service. Both start together on an empty database (Flyway and the
# first admin race), then, across them:
#   - a comment posted on A is decided on B; B shows it at once, A as soon as the change relay tells it (well before
#     its cache lifetime); a moderator's live stream on A hears of a comment posted on B; both draw the same avatar
#     for one email;
#   - run-time settings changed on A count on B at once; the flood rule (429 on B after a post on A from one IP), the
#     duplicate rule (409 on B), Idempotency-Key replays (B answers A's comment), a hold word set on A holding B's
#     next comment; two moderators deciding one version on A and B at the same moment: one 200, one 412.
#
# Needs a running private cluster made by .ci/pg-cluster.sh (PG_CLUSTER_PORT exported, as .ci/postgres does; the
# script makes a fresh database "comments_two" in it) and the PostgreSQL jar:
#   ./mvnw -B package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg
set -euo pipefail
. "$(dirname "$0")/lib.sh"
: "${PG_CLUSTER_PORT:?start a cluster with .ci/pg-cluster.sh first}"
SVC_DB=pg
svc_require_jar
svc_work_dir
trap svc_cleanup EXIT
ttl=5   # comments.read.cache.expire-after-write
json() { sed -E "s/.*\"$1\":(\"[^\"]*\"|[0-9]+).*/\1/" | tr -d '"'; }
status() { curl -s -o "$WORK/body" -w '%{http_code}' "$@"; }

svc_fresh_pg_db comments_two
for name in a b; do
  port=${TWO_INSTANCES_PORT_A:-18183}
  [ "$name" = b ] && port=${TWO_INSTANCES_PORT_B:-18184}
  svc_start "$name" "$port" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_CLUSTER_PORT/comments_two" \
    -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
    -Dquarkus.http.proxy.trusted-proxies=127.0.0.1
done
svc_wait_ready a >/dev/null
svc_wait_ready b >/dev/null
A=$(svc_url a)
B=$(svc_url b)
auth=(-u "admin:$ADMIN_PASSWORD")
type=(-H 'Content-Type: application/json')
echo "   both instances started together on one empty database"

article="two-$RANDOM$RANDOM"
post() { # post BASE EMAIL BODY [curl options...] → the JSON answer
  local base=$1 email=$2 body=$3
  shift 3
  curl -fs "${type[@]}" "$@" -d "{\"authorName\":\"Two Instances\",\"authorEmail\":\"$email\",\"body\":\"$body\"}" \
    "$base/api/articles/$article/comments"
}

## one service: decisions, the change relay, the live stream, avatars
id=$(post "$A" same.reader@example.org "Posted on A" | json id)
[ "$(curl -fs "$A/api/articles/$article/comments" | json total)" = 0 ] || svc_fail "A shows a pending comment"
[ "$(curl -fs "$B/api/articles/$article/comments" | json total)" = 0 ] || svc_fail "B shows a pending comment"
curl -fs "${auth[@]}" -X POST "$B/api/moderation/comments/$id/approve" >/dev/null \
  || svc_fail "B could not approve a comment posted on A"
[ "$(curl -fs "$B/api/articles/$article/comments" | json total)" = 1 ] || svc_fail "B does not show its own decision at once"
start_ns=$(date +%s%N)
seen=""
while [ $(( ($(date +%s%N) - start_ns) / 1000000 )) -le $(( (ttl + 2) * 1000 )) ]; do
  if [ "$(curl -fs "$A/api/articles/$article/comments" | json total)" = 1 ]; then seen=1; break; fi
  sleep 0.2
done
[ -n "$seen" ] || svc_fail "A still did not show B's decision after $((ttl + 2)) s"
shown_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
# A had the thread cached; PostgreSQL's LISTEN/NOTIFY (comment/ChangeRelay) tells it of B's decision at once
[ "$shown_ms" -lt 2000 ] || svc_fail "A showed B's decision only after $shown_ms ms: the change relay did not reach it"
echo "   decided on B: B shows it at once, A after $shown_ms ms (relayed; the cache lifetime is ${ttl} s)"

curl -sN --max-time 60 "${auth[@]}" "$A/api/moderation/stream" >"$WORK/stream-a.txt" 2>/dev/null &
stream=$!
for _ in $(seq 1 50); do grep -q '"connected"' "$WORK/stream-a.txt" && break; sleep 0.1; done
grep -q '"connected"' "$WORK/stream-a.txt" || svc_fail "A's live stream did not connect"
on_b=$(post "$B" other.reader@example.org "Posted on B, seen live on A" | json id)
heard=""
for _ in $(seq 1 50); do
  if grep -q "\"commentId\":$on_b[,}]" "$WORK/stream-a.txt"; then heard=1; break; fi
  sleep 0.1
done
kill "$stream" 2>/dev/null || true
[ -n "$heard" ] || svc_fail "A's live stream did not hear of comment $on_b posted on B"
echo "   a comment posted on B reached the moderators' live stream on A"

key_a=$(post "$A" Same.Reader@Example.org "Second, on A" | json avatarKey)
key_b=$(post "$B" same.reader@example.org "Third, on B" | json avatarKey)
[ "$key_a" = "$key_b" ] || svc_fail "the instances draw different avatars for one email ($key_a / $key_b)"
echo "   same avatarKey for one email on both instances"

## one set of rules: settings, flood, duplicate, Idempotency-Key, hold word, the moderators' race
settings=$(curl -fs "${auth[@]}" "$A/api/admin/settings")
settings=$(echo "$settings" | sed -E 's/"floodSeconds":[0-9]+/"floodSeconds":30/; s/"holdWords":\[[^]]*\]/"holdWords":["zeppelin"]/')
[ "$(status "${auth[@]}" "${type[@]}" -X PUT -d "$settings" "$A/api/admin/settings")" = 200 ] || svc_fail "PUT settings"
curl -fs "${auth[@]}" "$B/api/admin/settings" | grep -q '"holdWords":\["zeppelin"\]' || svc_fail "B does not see A's settings"

comment() { printf '{"authorName":"Two Instances","authorEmail":"%s","body":"%s"}' "$1" "$2"; }
[ "$(status "${type[@]}" -H 'X-Forwarded-For: 198.18.7.1' -d "$(comment one@example.org 'First from this IP')" \
      "$A/api/articles/$article/comments")" = 201 ] || svc_fail "first post on A"
code=$(status "${type[@]}" -H 'X-Forwarded-For: 198.18.7.1' -d "$(comment two@example.org 'Second from this IP')" \
      "$B/api/articles/$article/comments")
[ "$code" = 429 ] || svc_fail "flood across instances: B answered $code, expected 429"
echo "   flood rule holds across instances (429 on B after a post on A)"

[ "$(status "${type[@]}" -H 'X-Forwarded-For: 198.18.7.2' -d "$(comment dup@example.org 'Same words twice')" \
      "$A/api/articles/$article/comments")" = 201 ] || svc_fail "duplicate: first post on A"
code=$(status "${type[@]}" -H 'X-Forwarded-For: 198.18.7.3' -d "$(comment DUP@example.org 'same words twice')" \
      "$B/api/articles/$article/comments")
[ "$code" = 409 ] || svc_fail "duplicate across instances: B answered $code, expected 409"
echo "   duplicate rule holds across instances (409 on B)"

first=$(curl -fs "${type[@]}" -H 'Idempotency-Key: two-instances-key' -H 'X-Forwarded-For: 198.18.7.4' \
      -d "$(comment idem@example.org 'Sent twice with one key')" "$A/api/articles/$article/comments")
again=$(curl -fs "${type[@]}" -H 'Idempotency-Key: two-instances-key' -H 'X-Forwarded-For: 198.18.7.5' \
      -d "$(comment idem@example.org 'Sent twice with one key')" "$B/api/articles/$article/comments")
idem=$(echo "$first" | json id)
[ "$(echo "$again" | json id)" = "$idem" ] || svc_fail "idempotency across instances: $first vs $again"
echo "   Idempotency-Key replays across instances (comment $idem once)"

held_id=$(curl -fs "${type[@]}" -H 'X-Forwarded-For: 198.18.7.6' \
      -d "$(comment held@example.org 'A zeppelin overhead')" "$B/api/articles/$article/comments" | json id)
curl -fs "${auth[@]}" "$A/api/moderation/comments/$held_id" | grep -q 'hold-word: \\"zeppelin\\" in body' \
  || svc_fail "B did not apply the hold word set on A"
echo "   a setting changed on A decides the next comment on B"

# two moderators, one on each instance, decide version 0 at the same moment: one 200, one 412
(status "${auth[@]}" -H 'If-Match: "0"' -X POST "$A/api/moderation/comments/$idem/approve" >"$WORK/race-a") &
race_a=$!
(status "${auth[@]}" -H 'If-Match: "0"' -X POST "$B/api/moderation/comments/$idem/reject" >"$WORK/race-b") &
race_b=$!
wait "$race_a" "$race_b"
race=$( (cat "$WORK/race-a"; echo; cat "$WORK/race-b"; echo) | sort | tr '\n' ' ')
[ "$race" = "200 412 " ] || svc_fail "moderator race across instances answered: $race"
echo "   two moderators on two instances deciding one version: one 200, one 412"
echo "two-instances: OK"
