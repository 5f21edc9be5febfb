#!/usr/bin/env bash
# Two instances on one PostgreSQL behave as one service. Starts the PostgreSQL build twice (two JVMs, two ports, one
# database) and checks, across them: the flood rule, the duplicate rule, Idempotency-Key replays, run-time settings,
# the moderators' version race (one 200, one 412), and that an approval made on one instance is served by the other
# within the read cache's lifetime.
#
#   JAR=target/quarkus-app-pg/quarkus-run.jar JDBC_URL=jdbc:postgresql://127.0.0.1:55432/comments_rules \
#     bench/two-instances-rules.sh
#
# Needs the jar from `./mvnw package -Dquarkus.profile=pg` (JAR, default target/quarkus-app-pg/quarkus-run.jar) and a
# fresh database (the first admin is created with ADMIN_PASSWORD, default two-instances). .ci/postgres runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${JAR:-$PWD/target/quarkus-app-pg/quarkus-run.jar}"
[ -f "$jar" ] || { echo "two-instances: build first ($jar missing)"; exit 1; }
jdbc=${JDBC_URL:-jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/comments}
password=${ADMIN_PASSWORD:-two-instances}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "two-instances: FAILED: $*"; for f in "$work"/*.log; do echo "--- $f"; tail -20 "$f"; done; exit 1; }

start() { # port
  (cd "$work" && COMMENTS_ADMIN_PASSWORD="$password" QUARKUS_DATASOURCE_JDBC_URL="$jdbc" \
     QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
     QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 \
     exec java -Dquarkus.profile=pg -Dquarkus.http.port="$1" -jar "$jar" >"$work/instance-$1.log" 2>&1) &
  pids+=($!)
}
ready() { # port
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  fail "instance on port $1 did not become ready"
}
A=18481; B=18482
start $A; start $B; ready $A; ready $B
a="http://127.0.0.1:$A"; b="http://127.0.0.1:$B"
auth=(-u "admin:$password")
json=(-H 'Content-Type: application/json')
status() { curl -s -o "$work/body" -w '%{http_code}' "$@"; }
article="two-$(date +%s)"
comment() { # email body
  printf '{"authorName":"Two Instances","authorEmail":"%s","body":"%s"}' "$1" "$2"
}

# settings changed on A count on B at once: the flood window, and a hold word
settings=$(curl -fs "${auth[@]}" "$a/api/admin/settings")
settings=$(echo "$settings" | sed -E 's/"floodSeconds":[0-9]+/"floodSeconds":30/; s/"holdWords":\[[^]]*\]/"holdWords":["zeppelin"]/')
[ "$(status "${auth[@]}" "${json[@]}" -X PUT -d "$settings" "$a/api/admin/settings")" = 200 ] || fail "PUT settings"
curl -fs "${auth[@]}" "$b/api/admin/settings" | grep -q '"holdWords":\["zeppelin"\]' || fail "B does not see A's settings"

# flood: same IP on A then B
[ "$(status "${json[@]}" -H 'X-Forwarded-For: 198.18.7.1' -d "$(comment one@example.org 'First from this IP')" \
      "$a/api/articles/$article/comments")" = 201 ] || fail "first post on A"
code=$(status "${json[@]}" -H 'X-Forwarded-For: 198.18.7.1' -d "$(comment two@example.org 'Second from this IP')" \
      "$b/api/articles/$article/comments")
[ "$code" = 429 ] || fail "flood across instances: B answered $code, expected 429"
echo "two-instances: flood rule holds across instances (429 on B after a post on A)"

# duplicate: same author and text on A then B (different IPs, so flood does not decide)
[ "$(status "${json[@]}" -H 'X-Forwarded-For: 198.18.7.2' -d "$(comment dup@example.org 'Same words twice')" \
      "$a/api/articles/$article/comments")" = 201 ] || fail "duplicate: first post on A"
code=$(status "${json[@]}" -H 'X-Forwarded-For: 198.18.7.3' -d "$(comment DUP@example.org 'same words twice')" \
      "$b/api/articles/$article/comments")
[ "$code" = 409 ] || fail "duplicate across instances: B answered $code, expected 409"
echo "two-instances: duplicate rule holds across instances (409 on B)"

# idempotency: the same key on A then B gets the same comment
first=$(curl -fs "${json[@]}" -H 'Idempotency-Key: two-instances-key' -H 'X-Forwarded-For: 198.18.7.4' \
      -d "$(comment idem@example.org 'Sent twice with one key')" "$a/api/articles/$article/comments")
again=$(curl -fs "${json[@]}" -H 'Idempotency-Key: two-instances-key' -H 'X-Forwarded-For: 198.18.7.5' \
      -d "$(comment idem@example.org 'Sent twice with one key')" "$b/api/articles/$article/comments")
id=$(echo "$first" | sed -E 's/.*"id":([0-9]+).*/\1/')
[ "$(echo "$again" | sed -E 's/.*"id":([0-9]+).*/\1/')" = "$id" ] || fail "idempotency across instances: $first vs $again"
echo "two-instances: Idempotency-Key replays across instances (comment $id once)"

# the hold word set on A holds a comment posted on B (the article is PRE anyway; check the explanation)
held=$(curl -fs "${json[@]}" -H 'X-Forwarded-For: 198.18.7.6' \
      -d "$(comment held@example.org 'A zeppelin overhead')" "$b/api/articles/$article/comments")
held_id=$(echo "$held" | sed -E 's/.*"id":([0-9]+).*/\1/')
curl -fs "${auth[@]}" "$a/api/moderation/comments/$held_id" | grep -q 'hold-word: \\"zeppelin\\" in body' \
  || fail "B did not apply the hold word set on A"
echo "two-instances: a setting changed on A decides the next comment on B"

# two moderators, one on each instance, decide version 0 at the same moment: one 200, one 412
(status "${auth[@]}" "${json[@]}" -H 'If-Match: "0"' -X POST "$a/api/moderation/comments/$id/approve" > "$work/race-a") &
race_a=$!
(status "${auth[@]}" "${json[@]}" -H 'If-Match: "0"' -X POST "$b/api/moderation/comments/$id/reject" > "$work/race-b") &
race_b=$!
# wait for the two moderators only: a bare `wait` would also wait for the two services
wait "$race_a" "$race_b"
race=$(sort <(cat "$work/race-a"; echo) <(cat "$work/race-b"; echo) | tr -s '\n' ' ')
[ "$race" = "200 412 " ] || fail "moderator race across instances answered: $race"
echo "two-instances: two moderators on two instances: one 200, one 412"

# an approval on A reaches B's public thread within the cache lifetime
curl -fs "$b/api/articles/$article/comments" >/dev/null   # warm B's cache first
final=$(curl -fs "${auth[@]}" "$a/api/moderation/comments/$id")
version=$(echo "$final" | sed -E 's/.*"version":([0-9]+).*/\1/')
curl -fs -o /dev/null "${auth[@]}" "${json[@]}" -X POST "$a/api/moderation/comments/$id/approve"
start_ms=$(date +%s%3N)
seen=""
for _ in $(seq 1 150); do
  if curl -fs "$b/api/articles/$article/comments" | grep -q "\"id\":$id,"; then seen=yes; break; fi
  sleep 0.2
done
elapsed=$(( $(date +%s%3N) - start_ms ))
[ -n "$seen" ] || fail "B never served comment $id approved on A (waited 30 s)"
echo "two-instances: approval on A served by B after ${elapsed} ms (version was $version)"
echo "two-instances: OK"
