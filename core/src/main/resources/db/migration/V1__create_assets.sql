-- Every asset Ballast knows, keyed by its upper-case ticker symbol.
-- A stablecoin carries its peg (currency and target) and collateral type; a coin carries none.
CREATE TABLE assets (
  symbol       VARCHAR(20)    NOT NULL PRIMARY KEY,
  name         VARCHAR(100)   NOT NULL,
  kind         VARCHAR(16)    NOT NULL,
  peg_currency CHAR(3),
  peg_target   NUMERIC(38, 18),
  collateral   VARCHAR(20),
  issuer       VARCHAR(100),
  CONSTRAINT assets_kind CHECK (kind IN ('COIN', 'STABLECOIN')),
  CONSTRAINT assets_collateral CHECK (
    collateral IS NULL
    OR collateral IN ('FIAT_BACKED', 'CRYPTO_BACKED', 'ALGORITHMIC', 'COMMODITY_BACKED')),
  CONSTRAINT assets_stablecoin_terms CHECK (
    (kind = 'COIN' AND peg_currency IS NULL AND peg_target IS NULL AND collateral IS NULL)
    OR (kind = 'STABLECOIN' AND peg_currency IS NOT NULL AND peg_target > 0
        AND collateral IS NOT NULL))
);
