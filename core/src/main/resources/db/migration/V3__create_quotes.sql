-- Point-in-time prices in USD from a named source (exchange, provider, simulation).
CREATE TABLE quotes (
  symbol    VARCHAR(20)              NOT NULL REFERENCES assets (symbol) ON DELETE CASCADE,
  source    VARCHAR(40)              NOT NULL,
  as_of     TIMESTAMP WITH TIME ZONE NOT NULL,
  price_usd NUMERIC(38, 18)          NOT NULL,
  PRIMARY KEY (symbol, source, as_of),
  CONSTRAINT quotes_price_positive CHECK (price_usd > 0)
);
