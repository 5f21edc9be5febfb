-- Each history line stores the kind of who wrote it (SYSTEM, MODERATOR, AUTHOR, IMPORT) beside the name, so that a
-- moderator's account named like one of the service's own actors can no longer pass for it, and metrics count only
-- moderators' decisions as such. Written in the SQL that H2 and PostgreSQL share.
--
-- Old lines take the kind their name says where that is unambiguous: "system", "author" and "import" are the
-- service's own names unless an account of that name exists (accounts may no longer take them); every other name is
-- a moderator's account.
ALTER TABLE moderation_event ADD COLUMN actor_kind VARCHAR(16) DEFAULT 'MODERATOR' NOT NULL;

UPDATE moderation_event SET actor_kind = 'SYSTEM' WHERE actor = 'system'
    AND NOT EXISTS (SELECT 1 FROM account WHERE LOWER(username) = 'system');
UPDATE moderation_event SET actor_kind = 'AUTHOR' WHERE actor = 'author'
    AND NOT EXISTS (SELECT 1 FROM account WHERE LOWER(username) = 'author');
UPDATE moderation_event SET actor_kind = 'IMPORT' WHERE actor = 'import'
    AND NOT EXISTS (SELECT 1 FROM account WHERE LOWER(username) = 'import');

ALTER TABLE moderation_event ADD CONSTRAINT moderation_event_actor_kind_check
    CHECK (actor_kind IN ('SYSTEM', 'MODERATOR', 'AUTHOR', 'IMPORT'));
