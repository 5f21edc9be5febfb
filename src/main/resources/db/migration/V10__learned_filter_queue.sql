-- Decisions waiting to be learned by the learned filter (filter/FilterTrainer): a row is written in the decision's
-- own transaction, so no decision is lost when an instance stops, and learned in batches after commit by whichever
-- instance holds the model's lock. A comment decided again before it was learned keeps one row, its version moved
-- on, so the learner that read the older version leaves the row for the next round.
CREATE TABLE filter_queue (
    comment_id  BIGINT                   NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX filter_queue_queued_idx ON filter_queue (queued_at, comment_id);
