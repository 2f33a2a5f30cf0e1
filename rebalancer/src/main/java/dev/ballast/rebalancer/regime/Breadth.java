package dev.ballast.rebalancer.regime;

import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.indicator.Indicators;

/**
 * Inputs for the breadth signal other than trader grades.
 *
 * <p>Why: trader grades are percentiles ranked across the coins each day, so the share of coins
 * graded above 50 hovers near one half by construction whatever the market does (in a crash the
 * best coin still ranks 100). {@link #aboveOwnAverage} is an absolute breadth measure in the same
 * {@code [asset][day]} form, 0..100, that {@link RegimeDetector#detect} accepts in place of the
 * grades. Stateless.
 */
public final class Breadth {

  private Breadth() {}

  /**
   * 100 where a coin's close is above its own {@code period}-day simple moving average, 0 where at
   * or below, NaN during its warm-up or a gap, and NaN for stablecoins: with a grade level of 50,
   * breadth is then the share of coins in their own uptrend.
   */
  public static double[][] aboveOwnAverage(MarketPanel panel, int period) {
    if (period < 2) {
      throw new IllegalArgumentException("period must be at least 2, was " + period);
    }
    double[][] out = new double[panel.assetCount()][];
    for (int a = 0; a < out.length; a++) {
      double[] close = panel.closes(a);
      double[] ma = Indicators.sma(close, period);
      double[] o = new double[close.length];
      boolean stable = panel.asset(a).isStablecoin();
      for (int d = 0; d < o.length; d++) {
        o[d] = stable || Double.isNaN(ma[d]) || Double.isNaN(close[d]) ? Double.NaN
            : close[d] > ma[d] ? 100 : 0;
      }
      out[a] = o;
    }
    return out;
  }
}
