#!/usr/bin/env bash
# Two instances on one PostgreSQL behave as one service. Both start together on an empty database (Flyway and the
# first admin race) and stay up for every section; across them:
#   1. one service: a comment posted on A is decided on B; B shows it at once, A as soon as the change relay tells it
#      (well before its cache lifetime); a moderator's live stream on A hears of a comment posted on B; both draw the
#      same avatar for one email;
#   2. each mail exactly once: readers post N comments from N new addresses, half on each instance, each queuing one
#      verification mail; both instances claim outbox rows (FOR UPDATE SKIP LOCKED), and a small SMTP sink
#      (smtp-sink.py) must receive N mails, one per address, once nothing waits in the outbox;
#   3. one set of rules: run-time settings changed on A count on B at once; the flood rule (429 on B after a post on A
#      from one IP), the duplicate rule (409 on B), Idempotency-Key replays (B answers A's comment), a hold word set
#      on A holding B's next comment; two moderators deciding one version on A and B at the same moment: one 200, one
#      412;
#   4. one learned filter (issue 16; the model is counts in the database, which each instance catches up with before
#      it scores): moderators on A and on B decide at the same moment (bulk approve and bulk spam on both), every
#      decision is learned once and both report the same counts; decisions on A change B's very next score; forgetting
#      on A empties B's model, and a retrain on B learns back exactly what the decisions taught.
# Sections run in this order because 3 turns the flood rule on, which 2's posts from one address would hit, and 4
# turns it off again.
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
trap 'kill "${sink:-}" 2>/dev/null || true; svc_cleanup' EXIT
ttl=5   # comments.read.cache.expire-after-write
n=${MAIL_CHECK_COMMENTS:-120}
smtp=${MAIL_CHECK_SMTP_PORT:-18225}
json() { sed -E "s/.*\"$1\":(\"[^\"]*\"|[0-9]+).*/\1/" | tr -d '"'; }
status() { curl -s -o "$WORK/body" -w '%{http_code}' "$@"; }
# field NAME: one top-level field of the JSON document on stdin ("null" when it is null)
field() { python3 -c 'import json, sys; v = json.load(sys.stdin)[sys.argv[1]]; print("null" if v is None else v)' "$1"; }

svc_fresh_pg_db comments_two
python3 "$(dirname "$0")/smtp-sink.py" "$smtp" "$WORK/received.txt" >"$WORK/sink.log" 2>&1 &
sink=$!
for name in a b; do
  port=${TWO_INSTANCES_PORT_A:-18183}
  [ "$name" = b ] && port=${TWO_INSTANCES_PORT_B:-18184}
  svc_start "$name" "$port" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_CLUSTER_PORT/comments_two" \
    -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
    -Dquarkus.http.proxy.trusted-proxies=127.0.0.1 \
    -Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port="$smtp" -Dquarkus.mailer.mock=false
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

## 1. one service: decisions, the change relay, the live stream, avatars
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

## 2. each mail exactly once: both instances claim outbox rows
for i in $(seq 1 "$n"); do
  base=$([ $((i % 2)) = 0 ] && echo "$A" || echo "$B")
  curl -fs -o /dev/null "${type[@]}" \
    -d "{\"authorName\":\"Reader $i\",\"authorEmail\":\"mail-check-$i@example.org\",\"body\":\"Comment $i\"}" \
    "$base/api/articles/mail-$article/comments" || svc_fail "post $i was refused"
done
echo "   $n comments posted from $n new addresses, half on each instance"
for _ in $(seq 1 120); do
  page=$(curl -fs "${auth[@]}" "$A/api/admin/outbox?status=PENDING&limit=200") || svc_fail "the outbox view did not answer"
  waiting=$(printf '%s' "$page" | { grep -o '"id":' || true; } | wc -l)
  [ "$waiting" = 0 ] && break
  sleep 0.5
done
[ "$waiting" = 0 ] || svc_fail "$waiting mails still waiting after 60 s"
sleep 2   # a mail sent a moment ago may still be on its way to the sink's file
[ -f "$WORK/received.txt" ] || svc_fail "the SMTP sink received nothing"
# the sink also received the other sections' verification mails: count this section's addresses only
received=$({ grep '^mail-check-' "$WORK/received.txt" || true; } | wc -l)
distinct=$({ grep '^mail-check-' "$WORK/received.txt" || true; } | cut -d' ' -f1 | sort -u | wc -l)
[ "$received" = "$n" ] || svc_fail "the sink received $received mails for $n addresses"
[ "$distinct" = "$n" ] || svc_fail "$distinct addresses got mail, some twice"
echo "   every address got its mail exactly once: $received mails, $distinct addresses"

## 3. one set of rules: settings, flood, duplicate, Idempotency-Key, hold word, the moderators' race
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

# two moderators, one on each instance, decide version 0 at the same moment: one 200, one 412. Both reject: a
# rejection teaches the learned filter nothing, so what section 4 counts and scores does not depend on who won
(status "${auth[@]}" -H 'If-Match: "0"' -X POST "$A/api/moderation/comments/$idem/reject" >"$WORK/race-a") &
race_a=$!
(status "${auth[@]}" -H 'If-Match: "0"' -X POST "$B/api/moderation/comments/$idem/reject" >"$WORK/race-b") &
race_b=$!
wait "$race_a" "$race_b"
race=$( (cat "$WORK/race-a"; echo; cat "$WORK/race-b"; echo) | sort | tr '\n' ' ')
[ "$race" = "200 412 " ] || svc_fail "moderator race across instances answered: $race"
echo "   two moderators on two instances deciding one version: one 200, one 412"

## 4. one learned filter
filter="filter-$article"
fpost() { # fpost BASE NAME EMAIL BODY [ARTICLE] → the new comment's id
  curl -fs "${type[@]}" -d "{\"authorName\":\"$2\",\"authorEmail\":\"$3\",\"body\":\"$4\"}" \
    "$1/api/articles/${5:-$filter}/comments" | field id
}
score() { curl -fs "${auth[@]}" "$1/api/moderation/comments/$2" | field spamScore; }
cstatus() { curl -fs "${auth[@]}" "$1/api/moderation/comments/$2" | field status; }
# learned BASE: "ham spam" once the instance has nothing left to learn ("waiting", when the status reports it, is 0)
learned() {
  local answer=""
  for _ in $(seq 1 300); do
    answer=$(curl -fs "${auth[@]}" "$1/api/admin/filter" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("" if d.get("waiting") else "%d %d" % (d["hamLearned"], d["spamLearned"]))')
    [ -n "$answer" ] && break
    sleep 0.1
  done
  echo "${answer:-still learning after 30 s}"
}

# every comment is held (PRE), no flood rule, the learned rule acts after 5 decisions of each class
curl -fs "${auth[@]}" "$A/api/admin/settings" | python3 -c '
import json, sys
d = json.load(sys.stdin)
d.update(defaultModeration="PRE", floodSeconds=0, maxLinks=1000)
d["learnedFilter"].update(enabled=True, minTraining=5, holdAbove=0.9, spamAbove=0.99)
print(json.dumps(d))' >"$WORK/settings.json"
curl -fs -o /dev/null "${auth[@]}" "${type[@]}" -X PUT --data-binary "@$WORK/settings.json" "$A/api/admin/settings" \
  || svc_fail "the settings were refused"
# the model already learned the decisions of sections 1 and 3: the counts below are on top of those
read -r ham0 spam0 <<<"$(learned "$A")"
plus() { echo "$((ham0 + $1)) $((spam0 + $2))"; }

topics=(council bridge roadworks library school election budget hospital tram festival)
ham=() spam=()
for i in $(seq 1 20); do
  base=$([ $((i % 2)) = 0 ] && echo "$A" || echo "$B")
  t=${topics[$((i % 10))]}
  ham+=("$(fpost "$base" "Reader $i" "reader$i@news-readers.example" \
    "The $t story is useful, thank you. Comment $i from the neighbourhood.")")
  spam+=("$(fpost "$base" "Deals $i" "deals$i@cheap-pills.example" \
    "Cheap pills and casino bonus $i, buy now at http://pills$i.example/offer")")
done
ids() { local IFS=,; echo "$*"; }
decide() { # decide BASE ACTION IDS...
  local base=$1 action=$2
  shift 2
  curl -fs -o /dev/null "${auth[@]}" "${type[@]}" -d "{\"action\":\"$action\",\"ids\":[$(ids "$@")]}" \
    "$base/api/moderation/bulk"
}
decide "$A" approve "${ham[@]:0:10}" & d1=$!
decide "$B" approve "${ham[@]:10:10}" & d2=$!
decide "$A" spam "${spam[@]:0:10}" & d3=$!
decide "$B" spam "${spam[@]:10:10}" & d4=$!
for d in $d1 $d2 $d3 $d4; do wait "$d" || svc_fail "a bulk decision failed"; done
[ "$(learned "$A")" = "$(plus 20 20)" ] || svc_fail "A learned $(learned "$A") (ham spam), not $(plus 20 20)"
[ "$(learned "$B")" = "$(plus 20 20)" ] || svc_fail "B learned $(learned "$B") (ham spam), not $(plus 20 20)"
echo "   40 decisions taken at once on A and B: both report 20 more ham and 20 more spam learned"

probe="Quokka marmalade"
before=$(fpost "$B" "Curious Reader" "curious@unknown-domain.example" "$probe, a first question")
s1=$(score "$B" "$before")
[ "$(cstatus "$B" "$before")" = PENDING ] || svc_fail "the first probe is not simply held (PRE)"
taught=()
for i in $(seq 1 10); do
  taught+=("$(fpost "$A" "Curious Reader" "curious@unknown-domain.example" "$probe, offer $i at quokka-deals.example")")
done
decide "$A" spam "${taught[@]}" || svc_fail "marking the probes spam on A failed"
learned "$A" >/dev/null   # the ten decisions are learned before the next probe is scored
on_b=$(fpost "$B" "Curious Reader" "curious@unknown-domain.example" "$probe, once more")
on_a=$(fpost "$A" "Curious Reader" "curious@unknown-domain.example" "$probe, once more" "$filter-elsewhere")
s2=$(score "$B" "$on_b")
s3=$(score "$A" "$on_a")
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if b > a and b >= 0.9 else 1)" \
  "$s1" "$s2" || svc_fail "B scored the probe $s1 before and $s2 after A's decisions"
[ "$s2" = "$s3" ] || svc_fail "one text scored $s2 on B and $s3 on A"
[ "$(cstatus "$B" "$on_b")" != APPROVED ] || svc_fail "B published the probe"
echo "   B scored the probe $s1, then $s2 right after A marked 10 such texts spam; A scores the same text $s3"

curl -fs -o /dev/null "${auth[@]}" -X DELETE "$A/api/admin/filter" || svc_fail "forgetting on A failed"
[ "$(learned "$B")" = "0 0" ] || svc_fail "B still reports $(learned "$B") after A forgot the model"
forgotten=$(fpost "$B" "Curious Reader" "curious@unknown-domain.example" "$probe, after forgetting")
[ "$(score "$B" "$forgotten")" = null ] || svc_fail "B still scores with a forgotten model"
curl -fs "${auth[@]}" -X POST "$B/api/admin/filter/retrain" >"$WORK/retrain.ndjson" || svc_fail "retrain on B failed"
tail -1 "$WORK/retrain.ndjson" | grep -q '"finished":true' || svc_fail "retrain did not finish: $(tail -1 "$WORK/retrain.ndjson")"
[ "$(learned "$A")" = "$(plus 20 30)" ] || svc_fail "after B's retrain A reports $(learned "$A"), not $(plus 20 30)"
echo "   forgotten on A, B scores nothing; retrained on B, A reports every decision: $(plus 20 30) (ham spam)"
echo "two-instances: OK"
