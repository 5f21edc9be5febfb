#!/usr/bin/env bash
# Two instances on one PostgreSQL share one learned spam filter (issue 16): the model is counts in the database, and
# each instance catches up with them before it scores. Across instances A and B:
#   - moderators on A and on B decide at the same moment (bulk approve and bulk spam on both): every decision is
#     learned once, and both instances report the same counts;
#   - decisions on A change B's very next score: a text B scored as unknown is held on B once A marked such texts
#     spam, and A and B give one text the same score;
#   - forgetting on A empties B's model; a retrain on B learns back exactly what the decisions taught.
#
# Needs a running private cluster (.ci/pg-cluster.sh; PG_CLUSTER_PORT exported, as .ci/postgres does) and the
# PostgreSQL jar (target/quarkus-app-pg). Makes a fresh database "comments_filter".
set -euo pipefail
. "$(dirname "$0")/lib.sh"
: "${PG_CLUSTER_PORT:?start a cluster with .ci/pg-cluster.sh first}"
SVC_DB=pg
svc_require_jar
svc_work_dir
trap svc_cleanup EXIT
svc_fresh_pg_db comments_filter
opts=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_CLUSTER_PORT/comments_filter"
      -Dquarkus.mailer.mock=true)
svc_start a "${FILTER_CHECK_PORT_A:-18195}" "${opts[@]}"
svc_start b "${FILTER_CHECK_PORT_B:-18196}" "${opts[@]}"
svc_wait_ready a >/dev/null
svc_wait_ready b >/dev/null
A=$(svc_url a)
B=$(svc_url b)
auth=(-u "admin:$ADMIN_PASSWORD")
type=(-H 'Content-Type: application/json')
# field NAME: one top-level field of the JSON document on stdin ("null" when it is null)
field() { python3 -c 'import json, sys; v = json.load(sys.stdin)[sys.argv[1]]; print("null" if v is None else v)' "$1"; }
article="filter-$RANDOM$RANDOM"
post() { # post BASE NAME EMAIL BODY [ARTICLE] → the new comment's id
  curl -fs "${type[@]}" -d "{\"authorName\":\"$2\",\"authorEmail\":\"$3\",\"body\":\"$4\"}" \
    "$1/api/articles/${5:-$article}/comments" | field id
}
score() { curl -fs "${auth[@]}" "$1/api/moderation/comments/$2" | field spamScore; }
status() { curl -fs "${auth[@]}" "$1/api/moderation/comments/$2" | field status; }
learned() { curl -fs "${auth[@]}" "$1/api/admin/filter" | python3 -c \
  'import json, sys; d = json.load(sys.stdin); print(d["hamLearned"], d["spamLearned"])'; }

# every comment is held (PRE), the rule acts after 5 decisions of each class
curl -fs "${auth[@]}" "$A/api/admin/settings" | python3 -c '
import json, sys
d = json.load(sys.stdin)
d.update(defaultModeration="PRE", floodSeconds=0, maxLinks=1000)
d["learnedFilter"].update(enabled=True, minTraining=5, holdAbove=0.9, spamAbove=0.99)
print(json.dumps(d))' >"$WORK/settings.json"
curl -fs -o /dev/null "${auth[@]}" "${type[@]}" -X PUT --data-binary "@$WORK/settings.json" "$A/api/admin/settings" \
  || svc_fail "the settings were refused"

topics=(council bridge roadworks library school election budget hospital tram festival)
ham=() spam=()
for i in $(seq 1 20); do
  base=$([ $((i % 2)) = 0 ] && echo "$A" || echo "$B")
  t=${topics[$((i % 10))]}
  ham+=("$(post "$base" "Reader $i" "reader$i@news-readers.example" \
    "The $t story is useful, thank you. Comment $i from the neighbourhood.")")
  spam+=("$(post "$base" "Deals $i" "deals$i@cheap-pills.example" \
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
[ "$(learned "$A")" = "20 20" ] || svc_fail "A learned $(learned "$A") (ham spam), not 20 20"
[ "$(learned "$B")" = "20 20" ] || svc_fail "B learned $(learned "$B") (ham spam), not 20 20"
echo "   40 decisions taken at once on A and B: both report 20 ham and 20 spam learned"

probe="Quokka marmalade"
before=$(post "$B" "Curious Reader" "curious@unknown-domain.example" "$probe, a first question")
s1=$(score "$B" "$before")
[ "$(status "$B" "$before")" = PENDING ] || svc_fail "the first probe is not simply held (PRE)"
taught=()
for i in 1 2 3 4 5 6; do
  taught+=("$(post "$A" "Curious Reader" "curious@unknown-domain.example" "$probe, offer $i at quokka-deals.example")")
done
decide "$A" spam "${taught[@]}" || svc_fail "marking the probes spam on A failed"
on_b=$(post "$B" "Curious Reader" "curious@unknown-domain.example" "$probe, once more")
on_a=$(post "$A" "Curious Reader" "curious@unknown-domain.example" "$probe, once more" "$article-elsewhere")
s2=$(score "$B" "$on_b")
s3=$(score "$A" "$on_a")
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if b > a and b >= 0.9 else 1)" \
  "$s1" "$s2" || svc_fail "B scored the probe $s1 before and $s2 after A's decisions"
[ "$s2" = "$s3" ] || svc_fail "one text scored $s2 on B and $s3 on A"
[ "$(status "$B" "$on_b")" != APPROVED ] || svc_fail "B published the probe"
echo "   B scored the probe $s1, then $s2 right after A marked 6 such texts spam; A scores the same text $s3"

curl -fs -o /dev/null "${auth[@]}" -X DELETE "$A/api/admin/filter" || svc_fail "forgetting on A failed"
[ "$(learned "$B")" = "0 0" ] || svc_fail "B still reports $(learned "$B") after A forgot the model"
forgotten=$(post "$B" "Curious Reader" "curious@unknown-domain.example" "$probe, after forgetting")
[ "$(score "$B" "$forgotten")" = null ] || svc_fail "B still scores with a forgotten model"
curl -fs "${auth[@]}" -X POST "$B/api/admin/filter/retrain" >"$WORK/retrain.ndjson" || svc_fail "retrain on B failed"
tail -1 "$WORK/retrain.ndjson" | grep -q '"finished":true' || svc_fail "retrain did not finish: $(tail -1 "$WORK/retrain.ndjson")"
[ "$(learned "$A")" = "20 26" ] || svc_fail "after B's retrain A reports $(learned "$A"), not 20 26"
echo "   forgotten on A, B scores nothing; retrained on B, A reports the 20 ham and 26 spam decided"
echo "two-instances-filter: OK"
