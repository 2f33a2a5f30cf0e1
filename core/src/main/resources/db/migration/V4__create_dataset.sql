-- Where the market data in this database came from. A single row: the simulated market and
-- imported real history must never mix, so importers and the server check it first.
CREATE TABLE dataset (
  id          INT                      NOT NULL PRIMARY KEY,
  origin      VARCHAR(16)              NOT NULL,
  description VARCHAR(200)             NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT dataset_single_row CHECK (id = 1),
  CONSTRAINT dataset_origin CHECK (origin IN ('SIMULATED', 'IMPORTED'))
);
