-- The reader in control: edit tokens and edits of their own comments, IP retention, and keyed hashes where a raw
-- address or IP used to be a lookup key (reports, bans). Written in the SQL that H2 and PostgreSQL share.

-- SHA-256 of the editToken handed to the author in the answer to their post; null: no author rights (erased)
ALTER TABLE comment ADD COLUMN edit_token_hash VARCHAR(64);
-- the author's last edit, shown publicly as editedAt
ALTER TABLE comment ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
-- comments.privacy.ip-retention clears IP and user agent; erasure clears the avatar key
ALTER TABLE comment ALTER COLUMN ip DROP NOT NULL;
ALTER TABLE comment ALTER COLUMN avatar_key DROP NOT NULL;
CREATE INDEX comment_created_idx ON comment (created_at);

-- Reports keep a keyed hash (HMAC under a server secret) of the reporter's IP, never the IP itself. Rows written
-- before this version are converted at start-up (privacy/KeyedHashUpgrade: the secret is not known to SQL) and their
-- raw IP removed.
ALTER TABLE report ADD COLUMN ip_key VARCHAR(64);
ALTER TABLE report ALTER COLUMN ip DROP NOT NULL;
ALTER TABLE report DROP CONSTRAINT report_once_per_ip;
DROP INDEX report_ip_idx;
CREATE UNIQUE INDEX report_once_per_ip_key ON report (comment_id, ip_key);
CREATE INDEX report_ip_key_idx ON report (ip_key, created_at);

-- Bans match the address by its keyed hash, so a ban survives the erasure of the address it names (email_lc is then
-- null). Existing bans get their hash at start-up as well.
ALTER TABLE ban ADD COLUMN email_hash VARCHAR(64);
ALTER TABLE ban ALTER COLUMN email_lc DROP NOT NULL;
ALTER TABLE ban DROP CONSTRAINT ban_email_unique;
CREATE UNIQUE INDEX ban_email_hash_unique ON ban (email_hash);
