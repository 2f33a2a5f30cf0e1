-- Idempotency keys of the owners' API (docs/portfolios.md#idempotency). A state-changing POST
-- with an Idempotency-Key header first inserts (owner, key) here, in the transaction that makes
-- the change; the primary key is what decides between concurrent requests of one key: the
-- second insert waits for the first transaction and then fails, and its request answers with
-- the stored response instead of executing. fingerprint is the SHA-256 of method, path, query
-- and body: the same key with another request is refused. status 0 marks a row whose request is
-- still running (it is never committed so: the response is written in the same transaction).
CREATE TABLE idempotency_keys (
  owner        VARCHAR(100)     NOT NULL,
  idem_key     VARCHAR(100)     NOT NULL,
  fingerprint  CHAR(64)         NOT NULL,
  created_at   TIMESTAMP        NOT NULL,
  status       INT              NOT NULL,
  content_type VARCHAR(100)     NOT NULL,
  location     VARCHAR(1000),
  body         VARCHAR(1000000) NOT NULL,
  CONSTRAINT idempotency_keys_once PRIMARY KEY (owner, idem_key)
);
