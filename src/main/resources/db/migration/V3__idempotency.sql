-- Idempotency-Key of POST /api/articles/{articleId}/comments: the first answer, stored in the same transaction as
-- the comment it created, so a retry on any instance gets that answer and never a second comment.
CREATE TABLE idempotency_key (
    key_hash      VARCHAR(64)              NOT NULL PRIMARY KEY,
    request_hash  VARCHAR(64)              NOT NULL,
    comment_id    BIGINT                   NOT NULL REFERENCES comment (id),
    response      VARCHAR(400000)          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
