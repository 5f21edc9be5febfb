-- One index by author instead of two: the duplicate rule's unique index now leads with the author's email, so it also
-- serves the returning-commenter look-up (all comments of one email), and comment_author_idx goes. Each index is one
-- more B-tree page that every post changes; on H2 each changed page is written again at the next store
-- (config/H2GroupCommit): 36 KB written per post before, 34-35 KB after (bench/README, benchmark 2).
DROP INDEX comment_author_idx;
DROP INDEX comment_duplicate_idx;
CREATE UNIQUE INDEX comment_duplicate_idx ON comment (author_email_lc, article_id, body_fingerprint);
