package dev.ballast.rebalancer.regime;

/**
 * The market regime the overlay acts on, from most to least exposed to coins. The stablecoin
 * fraction of each is set in {@link RegimeSettings}.
 */
public enum Regime {
  /** Trend, breadth and volatility agree the market is healthy: fully in coins by default. */
  RISK_ON,
  /** Mixed or missing evidence: half in the stablecoin sleeve by default. */
  NEUTRAL,
  /** The evidence agrees the market is falling or under stress: fully in stablecoins by default. */
  RISK_OFF;

  /** Whether moving from {@code this} to {@code next} adds exposure to coins. */
  public boolean addsRisk(Regime next) {
    return next.ordinal() < ordinal();
  }
}
