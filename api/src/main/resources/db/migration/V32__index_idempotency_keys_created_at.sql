-- Idempotency keys expire (idempotency.retention, docs/portfolios.md#idempotency): the daily
-- purge deletes the rows with created_at before the cutoff, found by this index instead of by
-- reading the whole table.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
