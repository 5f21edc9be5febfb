-- Comments whose author confirmed the verification link that was mailed for them (issue 14): the post carried no
-- commenterKey, but the address's owner proved afterwards that it was theirs, so its notification choices count.
-- Only ids and a time: nothing personal. Written in the SQL that H2 and PostgreSQL share.
CREATE TABLE confirmed_comment (
    comment_id    BIGINT                   NOT NULL PRIMARY KEY,
    confirmed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

