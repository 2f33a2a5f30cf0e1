package dev.ballast.core.market.sim;

import java.util.SplittableRandom;

/**
 * The common driver of all coin returns: each day's regime drift plus regime volatility scaled by a
 * GARCH(1,1) variance multiplier, with Student-t shocks. Internal; the arrays are never handed out.
 *
 * @param returns daily log return of the factor
 * @param variance the GARCH variance multiplier of each day (long-run mean 1)
 */
record MarketFactor(Regime[] regimes, double[] returns, double[] variance) {

  /** Reaction of variance to yesterday's squared shock. */
  static final double GARCH_ALPHA = 0.08;

  /** Persistence of variance: α + β = 0.98 gives a volatility half-life of about 35 days. */
  static final double GARCH_BETA = 0.90;

  /** Chosen so that the long-run variance multiplier is 1 and the regime vol is the mean vol. */
  static final double GARCH_OMEGA = 1 - GARCH_ALPHA - GARCH_BETA;

  /**
   * Upper bound of the multiplier (volatility at most ×2 the regime's): a run of fat-tailed shocks
   * would otherwise compound into 10%-a-day volatility for weeks, which no real market factor has
   * shown.
   */
  static final double MAX_VARIANCE = 4;

  static MarketFactor simulate(Regime[] regimes, SplittableRandom rng) {
    int days = regimes.length;
    double[] returns = new double[days];
    double[] variance = new double[days];
    double h = 1;
    double previousShock = 0;
    for (int t = 0; t < days; t++) {
      if (t > 0) {
        h =
            Math.min(
                MAX_VARIANCE,
                GARCH_OMEGA + GARCH_ALPHA * previousShock * previousShock * h + GARCH_BETA * h);
      }
      double shock = Shocks.studentT(rng);
      variance[t] = h;
      returns[t] = regimes[t].drift + regimes[t].vol * StrictMath.sqrt(h) * shock;
      previousShock = shock;
    }
    return new MarketFactor(regimes, returns, variance);
  }

  int days() {
    return returns.length;
  }
}
