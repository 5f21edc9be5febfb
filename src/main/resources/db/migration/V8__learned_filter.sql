-- The learned spam filter (filter/, docs/auto-moderation.md "Learned filter"): counts per token and class, learned
-- from moderators' decisions and shared by every instance. No token is an email address or an IP address.

-- What the learned filter thought of a comment when it arrived (0-1), null while it was untrained or off. Read with
-- the comment itself, so the moderation queue costs no extra statement.
ALTER TABLE comment ADD COLUMN spam_score DOUBLE PRECISION;

-- The model's one row: decisions learned per class, and a sequence that every training step increments. Training
-- takes this row's lock first, so training steps commit one after another and in the order of their sequence;
-- an instance that has read the model up to sequence n only needs the tokens changed after n. epoch changes when
-- tokens are deleted (pruning, forgetting): then an instance reads the whole model again.
CREATE TABLE filter_model (
    id          INTEGER                  NOT NULL PRIMARY KEY,
    ham         BIGINT                   NOT NULL,
    spam        BIGINT                   NOT NULL,
    seq         BIGINT                   NOT NULL,
    epoch       BIGINT                   NOT NULL,
    trained_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO filter_model (id, ham, spam, seq, epoch, trained_at) VALUES (1, 0, 0, 0, 0, NULL);

-- How many learned ham and spam comments had each token. Keyed by the first 64 bits of the token's SHA-256 (a
-- compact B-tree, like flood_guard); the token itself is kept so that admins and tests can read what was learned.
CREATE TABLE filter_token (
    token_hash  BIGINT        NOT NULL PRIMARY KEY,
    token       VARCHAR(200)  NOT NULL,
    ham         BIGINT        NOT NULL,
    spam        BIGINT        NOT NULL,
    seq         BIGINT        NOT NULL
);
CREATE INDEX filter_token_seq_idx ON filter_token (seq);

-- Each comment the filter learned from, with its class and the token hashes it counted (8 bytes each), so a
-- reversed decision takes back exactly what was added, and a repeated event adds nothing twice.
CREATE TABLE filter_example (
    comment_id  BIGINT                   NOT NULL PRIMARY KEY,
    label       VARCHAR(4)               NOT NULL,
    tokens      BYTEA                    NOT NULL,
    trained_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT filter_example_label_check CHECK (label IN ('ham', 'spam'))
);
