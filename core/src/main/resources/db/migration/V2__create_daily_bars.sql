-- One row per asset and UTC day; all amounts in USD. NULL means the source did not know
-- the value (never zero): only the close is required.
CREATE TABLE daily_bars (
  symbol         VARCHAR(20)      NOT NULL REFERENCES assets (symbol) ON DELETE CASCADE,
  bar_date       DATE             NOT NULL,
  open_usd       DOUBLE PRECISION,
  high_usd       DOUBLE PRECISION,
  low_usd        DOUBLE PRECISION,
  close_usd      DOUBLE PRECISION NOT NULL,
  volume_usd     DOUBLE PRECISION,
  market_cap_usd DOUBLE PRECISION,
  PRIMARY KEY (symbol, bar_date),
  CONSTRAINT daily_bars_close_positive CHECK (close_usd > 0)
);

-- Cross-sectional reads (every asset on one day) for grading and index selection.
CREATE INDEX daily_bars_by_date ON daily_bars (bar_date);
