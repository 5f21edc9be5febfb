-- Webhook calls (and mail) are made outside any database transaction: a sender claims a row for a lease, commits,
-- delivers, then records the result. Import jobs whose instance is gone are failed. Articles that fail in an import
-- are counted apart from comments. Written in the SQL that H2 and PostgreSQL share.

-- Until when a sender holds the row (next_attempt_at is set to the same time, so a row whose sender died is due
-- again once the lease is over); null while nobody delivers it.
ALTER TABLE outbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
-- the calls in flight per endpoint: a slow endpoint holds at most comments.webhooks.calls-per-endpoint senders
CREATE INDEX outbox_lease_idx ON outbox (channel, lease_until);
-- one endpoint's due calls, claimed a few at a time
CREATE INDEX outbox_webhook_due_idx ON outbox (webhook_id, status, next_attempt_at, id);

ALTER TABLE import_job ADD COLUMN articles_failed INTEGER DEFAULT 0 NOT NULL;
-- Touched every 30 s by the instance that queued or runs the job; an unfinished job with an old one lost its instance
-- (a restart, a crash) and is marked FAILED.
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
