-- Delivery retries for the outbox (the 'outbox-retry' job). `attempts` counts retries made by the job
-- (the first delivery by the notifier is not counted); `next_attempt_at` is when the next one is due.
ALTER TABLE outbox
  ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz;

CREATE INDEX outbox_retry_idx ON outbox (created_at) WHERE status IN ('pending', 'failed');
