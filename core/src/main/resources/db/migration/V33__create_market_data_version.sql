-- A counter that every write of assets or bars raises in its own transaction (AssetDao,
-- BarDao), so that whatever is derived from the whole stored market (the rebalancer's market
-- context) can tell whether it is still current by reading this one row instead of scanning
-- daily_bars. Only ever increases; the number means nothing else.
-- V33, after every migration so far (V1..V7, V20, V30..V32): a lower number would be out of
-- order for databases already migrated past it, and Flyway refuses those by default.
CREATE TABLE market_data_version (
  id      INT    NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  CONSTRAINT market_data_version_single_row CHECK (id = 1)
);

INSERT INTO market_data_version (id, version) VALUES (1, 0);
