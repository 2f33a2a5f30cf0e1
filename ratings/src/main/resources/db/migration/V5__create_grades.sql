-- One row per asset and day that was graded: both grades (0-100, NULL where the asset had too
-- little history or, for stablecoins, no trader grade), the day-on-day change used to sort
-- by momentum of the grade, the trader zone, the recommendation, the +1/0/-1 signal, and the
-- factor breakdowns as JSON so that every grade explains itself.
CREATE TABLE grades (
  symbol              VARCHAR(20)      NOT NULL REFERENCES assets (symbol) ON DELETE CASCADE,
  grade_date          DATE             NOT NULL,
  trader_grade        DOUBLE PRECISION,
  investor_grade      DOUBLE PRECISION,
  trader_change       DOUBLE PRECISION,
  investor_change     DOUBLE PRECISION,
  zone                VARCHAR(16),
  recommendation      VARCHAR(16),
  trade_signal        SMALLINT         NOT NULL,
  trader_breakdown    VARCHAR(8000)    NOT NULL,
  investor_breakdown  VARCHAR(8000)    NOT NULL,
  PRIMARY KEY (symbol, grade_date),
  CONSTRAINT grades_trader_range CHECK (trader_grade BETWEEN 0 AND 100),
  CONSTRAINT grades_investor_range CHECK (investor_grade BETWEEN 0 AND 100),
  CONSTRAINT grades_signal CHECK (trade_signal IN (-1, 0, 1))
);

-- "The latest grades" and cross-sections of one day.
CREATE INDEX grades_by_date ON grades (grade_date);

-- Peg health of each stablecoin and day. Deviations are signed fractions (-0.034 = 3.4% below).
CREATE TABLE peg_health (
  symbol                VARCHAR(20)      NOT NULL REFERENCES assets (symbol) ON DELETE CASCADE,
  health_date           DATE             NOT NULL,
  price                 DOUBLE PRECISION NOT NULL,
  deviation             DOUBLE PRECISION,
  consensus_deviation   DOUBLE PRECISION,
  worst_deviation_7d    DOUBLE PRECISION,
  mean_abs_deviation_7d DOUBLE PRECISION,
  worst_deviation_30d   DOUBLE PRECISION,
  mean_abs_deviation_30d DOUBLE PRECISION,
  days_off_peg_30d      INT              NOT NULL,
  status                VARCHAR(16)      NOT NULL,
  liquidity_warning     BOOLEAN          NOT NULL,
  reasons               VARCHAR(2000)    NOT NULL,
  PRIMARY KEY (symbol, health_date)
);

CREATE INDEX peg_health_by_date ON peg_health (health_date);
