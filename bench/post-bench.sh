#!/usr/bin/env bash
# Benchmark 2: POST of valid comments from distinct authors (distinct emails and, through a trusted X-Forwarded-For,
# distinct IPs, so the flood rule, left on at its default, refuses none), then a check that every comment answered
# 201 is in the database, once, and that no answer was a 5xx.
#
#   bench/post-bench.sh [h2|postgres] [workers] [seconds]
#
# h2: the jar of `./mvnw package` on a fresh H2 file database; postgres: the jar of
# `./mvnw package -Dquarkus.profile=pg` on JDBC_URL (a fresh database; default jdbc:postgresql://127.0.0.1:5432/comments).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
workers=${2:-32}
seconds=${3:-20}
jar="$PWD/target/quarkus-app/quarkus-run.jar"
[ "$db" = postgres ] && jar="${JAR:-$PWD/target/quarkus-app-pg/quarkus-run.jar}"
[ -f "$jar" ] || { echo "post-bench: build first ($jar missing)"; exit 1; }
work=$(mktemp -d)
port=${POST_BENCH_PORT:-18383}
base="http://127.0.0.1:$port"
password=${ADMIN_PASSWORD:-post-bench}
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
args=(-Dquarkus.http.port="$port")
env_db=()
if [ "$db" = postgres ]; then
  args+=(-Dquarkus.profile=pg)
  env_db=(QUARKUS_DATASOURCE_JDBC_URL="${JDBC_URL:-jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/comments}")
fi
javac -d "$work/classes" bench/tools/PostLoad.java
(cd "$work" && exec env "${env_db[@]}" COMMENTS_ADMIN_PASSWORD="$password" \
   QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
   QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 java "${args[@]}" -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -fs "$base/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/q/health/ready" >/dev/null || { tail -30 "$work/service.log"; exit 1; }
article="post-bench-$(date +%s)"
echo "post-bench: $db, $workers connections, ${seconds}s, flood rule on (distinct IPs and emails)"
java -cp "$work/classes" PostLoad post "$base" "$article-warmup" 4 3 "$work/warmup.log" >/dev/null   # JIT warm-up
java -cp "$work/classes" PostLoad post "$base" "$article" "$workers" "$seconds" "$work/posts.log"
java -cp "$work/classes" PostLoad verify "$base" "$article" "$work/posts.log" "admin:$password" \
  | sed 's/^verify:/post-bench: verify:/'
grep -E '^[^ ]+ 5[0-9][0-9] ' "$work/posts.log" && { echo "post-bench: 5xx answers"; exit 1; } || true
