#!/usr/bin/env bash
# Prints SQL that fills a freshly migrated database with benchmark data, straight into the tables (set-based
# INSERT ... SELECT, about 1 s per 100,000 rows on PostgreSQL; posting a million comments through the API would take
# far longer and measure the write path instead):
#   - article "bench-thread" with THREAD approved comments (the page of benchmark 1),
#   - ROWS comments spread over 1,000 articles "bench-0".."bench-999", created one second apart, of which 15% are
#     PENDING (the moderation queue), 80% APPROVED, 5% REJECTED or SPAM.
# Bodies are 120-400 characters of plain text with their rendered <p> HTML, as the service would store them.
# The moderation history table is left empty: neither the thread nor the queue reads it.
# Usage: bench/gen-data.sh h2|pg ROWS [THREAD]
set -euo pipefail
dialect=$1
rows=$2
thread=${3:-200}
chunk=100000

if [ "$dialect" = h2 ]; then
  range() { echo "SYSTEM_RANGE($1, $2)"; }
  x=X
  at() { echo "DATEADD(SECOND, X, TIMESTAMP WITH TIME ZONE '$1 00:00:00+00')"; }
  avatar="LOWER(RAWTOHEX(HASH('SHA-256', 'avatar' || X)))"
  now="CURRENT_TIMESTAMP"
else
  range() { echo "generate_series($1, $2) AS g(x)"; }
  x=x
  at() { echo "TIMESTAMPTZ '$1 00:00:00+00' + x * INTERVAL '1 second'"; }
  avatar="md5('avatar' || x) || md5('key' || x)"
  now="now()"
fi

body="'Comment ' || $x || ' on this story. ' || REPEAT('I read the whole article and the point about the budget deserves more attention. ', 1 + MOD($x, 4))"
columns="article_id, parent_id, depth, author_name, author_email, author_email_lc, author_url, avatar_key, body, body_html, status, created_at, ip, user_agent, version"
values() { # values ARTICLE_EXPR STATUS_EXPR CREATED_EXPR
  echo "$1, NULL, 1, 'Reader ' || $x, 'reader' || $x || '@example.org', 'reader' || $x || '@example.org', NULL,
    $avatar, $body, '<p>' || $body || '</p>', $2, $3, '192.0.2.' || MOD($x, 250), 'bench', 0"
}

echo "INSERT INTO article (id, title, url, comments_open, created_at, version) VALUES ('bench-thread', 'Benchmark thread', NULL, TRUE, $now, 0);"
echo "INSERT INTO article (id, title, url, comments_open, created_at, version) SELECT 'bench-' || $x, NULL, NULL, TRUE, $now, 0 FROM $(range 0 999);"
echo "INSERT INTO comment ($columns) SELECT $(values "'bench-thread'" "'APPROVED'" "$(at 2025-01-01)") FROM $(range 1 "$thread");"
status="CASE WHEN MOD($x, 20) < 3 THEN 'PENDING' WHEN MOD($x, 20) = 3 THEN 'REJECTED' WHEN MOD($x, 20) = 4 THEN 'SPAM' ELSE 'APPROVED' END"
for ((from = 1; from <= rows; from += chunk)); do
  to=$((from + chunk - 1))
  [ "$to" -gt "$rows" ] && to=$rows
  echo "INSERT INTO comment ($columns) SELECT $(values "'bench-' || MOD($x, 1000)" "$status" "$(at 2024-01-01)") FROM $(range "$from" "$to");"
done
# H2: the set-based inserts leave the file about 13 times the size of its data (3.4 GB against 261 MB at a million
# comments), and the service would spend its first minutes of every benchmark rewriting those sparse chunks in the
# background (H2's housekeeping), which filled the heap with pages and measured the import, not the service. A site
# that gathered its comments through the service has had that housekeeping all along; an operator who bulk-imports
# should compact the same way (README, "Durability").
if [ "$dialect" = h2 ]; then echo "ANALYZE;"; echo "SHUTDOWN COMPACT;"; else echo "ANALYZE article; ANALYZE comment;"; fi
