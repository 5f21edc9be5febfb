#!/usr/bin/env bash
# Two instances on one PostgreSQL behave as one service: both start together on an empty database (Flyway and the
# first admin race; the flood rule is off: one reader posts three times), a comment posted on A is decided on B, B shows it at once and A as soon as
# the change relay tells it (well before its cache lifetime), a moderator's live stream on A hears of a comment posted on B, both
# draw the same avatar for the same email, and two moderators deciding the same version on A and B get one 200
# and one 412.
#
# Needs a running private cluster made by .ci/pg-cluster.sh (PG_CLUSTER_DIR and PG_CLUSTER_PORT exported, as
# .ci/postgres does; the script makes a fresh database "comments_two" in it) and the PostgreSQL jar:
#   ./mvnw -B package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PG_CLUSTER_PORT:?start a cluster with .ci/pg-cluster.sh first}"
jar="$PWD/target/quarkus-app-pg/quarkus-run.jar"
[ -f "$jar" ] || { echo "two-instances-check: $jar missing (build it with -Dquarkus.profile=pg)"; exit 1; }
ttl=5   # comments.read.cache.expire-after-write
work=$(mktemp -d)
pids=()
cleanup() {   # "|| true": under set -e a failing command here would end the trap before the rest
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "two-instances-check: FAILED, $*"; tail -20 "$work"/service-*.log; exit 1; }
json() { sed -E "s/.*\"$1\":(\"[^\"]*\"|[0-9]+).*/\1/" | tr -d '"'; }

PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS comments_two" -c "CREATE DATABASE comments_two OWNER comments"
start() { # start NAME PORT
  (cd "$work" && COMMENTS_ADMIN_PASSWORD=two-instances COMMENTS_RULES_FLOOD_SECONDS=0 exec java -Dquarkus.profile=pg \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_CLUSTER_PORT/comments_two" \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$2" -jar "$jar" >"$work/service-$1.log" 2>&1) &
  pids+=($!)
}
A=http://127.0.0.1:${TWO_INSTANCES_PORT_A:-18183}
B=http://127.0.0.1:${TWO_INSTANCES_PORT_B:-18184}
start a "${A##*:}"
start b "${B##*:}"
for url in "$A" "$B"; do
  for _ in $(seq 1 240); do curl -fs "$url/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/q/health/ready" >/dev/null || fail "$url did not become ready"
done
echo "   both instances started together on one empty database"

article="two-$RANDOM$RANDOM"
post() { # post BASE EMAIL BODY → the JSON answer
  curl -fs -H 'Content-Type: application/json' \
    -d "{\"authorName\":\"Two Instances\",\"authorEmail\":\"$2\",\"body\":\"$3\"}" "$1/api/articles/$article/comments"
}
id=$(post "$A" same.reader@example.org "Posted on A" | json id)
[ "$(curl -fs "$A/api/articles/$article/comments" | json total)" = 0 ] || fail "A shows a pending comment"
[ "$(curl -fs "$B/api/articles/$article/comments" | json total)" = 0 ] || fail "B shows a pending comment"

curl -fs -u admin:two-instances -X POST "$B/api/moderation/comments/$id/approve" >/dev/null \
  || fail "B could not approve a comment posted on A"
[ "$(curl -fs "$B/api/articles/$article/comments" | json total)" = 1 ] || fail "B does not show its own decision at once"
start_ns=$(date +%s%N)
seen=""
while [ $(( ($(date +%s%N) - start_ns) / 1000000 )) -le $(( (ttl + 2) * 1000 )) ]; do
  if [ "$(curl -fs "$A/api/articles/$article/comments" | json total)" = 1 ]; then seen=1; break; fi
  sleep 0.2
done
[ -n "$seen" ] || fail "A still did not show B's decision after $((ttl + 2)) s"
shown_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
# A had the thread cached; PostgreSQL's LISTEN/NOTIFY (comment/ChangeRelay) tells it of B's decision at once
[ "$shown_ms" -lt 2000 ] || fail "A showed B's decision only after $shown_ms ms: the change relay did not reach it"
echo "   decided on B: B shows it at once, A after $shown_ms ms (relayed; the cache lifetime is ${ttl} s)"

# a moderator's live stream on A hears of a comment posted on B
curl -sN -u admin:two-instances "$A/api/moderation/stream" >"$work/stream-a.txt" 2>/dev/null &
pids+=($!)
for _ in $(seq 1 50); do grep -q '"connected"' "$work/stream-a.txt" && break; sleep 0.1; done
grep -q '"connected"' "$work/stream-a.txt" || fail "A's live stream did not connect"
on_b=$(post "$B" other.reader@example.org "Posted on B, seen live on A" | json id)
heard=""
for _ in $(seq 1 50); do
  if grep -q "\"commentId\":$on_b[,}]" "$work/stream-a.txt"; then heard=1; break; fi
  sleep 0.1
done
[ -n "$heard" ] || fail "A's live stream did not hear of comment $on_b posted on B"
echo "   a comment posted on B reached the moderators' live stream on A"

key_a=$(post "$A" Same.Reader@Example.org "Second, on A" | json avatarKey)
key_b=$(post "$B" same.reader@example.org "Third, on B" | json avatarKey)
[ "$key_a" = "$key_b" ] || fail "the instances draw different avatars for one email ($key_a / $key_b)"
echo "   same avatarKey for one email on both instances"

version=$(curl -fsi -u admin:two-instances "$A/api/moderation/comments/$id" | tr -d '\r' | awk -F'"' 'tolower($1) ~ /^etag/ {print $2}')
one=$(curl -s -o /dev/null -w '%{http_code}' -u admin:two-instances -H "If-Match: \"$version\"" -X POST \
  "$A/api/moderation/comments/$id/reject")
two=$(curl -s -o /dev/null -w '%{http_code}' -u admin:two-instances -H "If-Match: \"$version\"" -X POST \
  "$B/api/moderation/comments/$id/spam")
[ "$one $two" = "200 412" ] || fail "deciding version $version on A then B answered $one $two, not 200 412"
echo "   the same version decided on A and on B: 200, then 412"
echo "two-instances-check: OK"
