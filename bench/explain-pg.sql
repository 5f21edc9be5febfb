-- The hot read queries as the service sends them, on PostgreSQL: each must use an index and stop early.
-- Run on a database filled by gen-data.sh (articles bench-0..bench-999 hold 1,000 comments each):
--   PGPASSWORD=comments psql -h 127.0.0.1 -p PORT -U comments comments -f bench/explain-pg.sql
-- (VACUUM ANALYZE comment first: before it, counts visit the table for visibility, 'Heap Fetches').
\echo '-- thread, first page (51 rows for 50 comments)'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM comment WHERE article_id = 'bench-7' AND status = 'APPROVED' ORDER BY created_at, id FETCH FIRST 51 ROWS ONLY;
\echo '-- thread, a later page (keyset with range start)'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM comment WHERE article_id = 'bench-7' AND status = 'APPROVED' AND created_at >= TIMESTAMPTZ '2024-01-08 00:00:00+00' AND (created_at > TIMESTAMPTZ '2024-01-08 00:00:00+00' OR (created_at = TIMESTAMPTZ '2024-01-08 00:00:00+00' AND id > 0)) ORDER BY created_at, id FETCH FIRST 51 ROWS ONLY;
\echo '-- thread total'
EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM comment WHERE article_id = 'bench-7' AND status = 'APPROVED';
\echo '-- comment-counts of 4 articles'
EXPLAIN (ANALYZE, COSTS OFF) SELECT article_id, count(*) FROM comment WHERE article_id IN ('bench-5','bench-6','bench-7','bench-8') AND status = 'APPROVED' GROUP BY article_id;
\echo '-- queue of one article'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM comment WHERE status = 'PENDING' AND article_id = 'bench-7' ORDER BY created_at, id FETCH FIRST 51 ROWS ONLY;
\echo '-- moderation queue, first page'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM comment WHERE status = 'PENDING' ORDER BY created_at, id FETCH FIRST 51 ROWS ONLY;
