package dev.ballast.rebalancer.regime;

import dev.ballast.ratings.grade.MarketPanel;

/**
 * The market the overlay watches: a cap-weighted index of the panel's coins (stablecoins
 * excluded: they are the sleeve, not the market), rebalanced daily. Day {@code d}'s return is the
 * average of the coins' simple returns from {@code d − 1} to {@code d}, weighted by their market
 * caps on {@code d − 1}, over the coins with a close on both days and a cap on {@code d − 1};
 * the level is chain-linked from 1.0, so listings and gaps do not move it. A day on which no
 * coin qualifies carries the level forward (return 0). Stateless.
 */
final class MarketIndex {

  private MarketIndex() {}

  /** The index level on every day of the panel, 1.0 on the first day. */
  static double[] levels(MarketPanel panel) {
    int days = panel.days();
    double[] weighted = new double[days];
    double[] totalCap = new double[days];
    for (int a = 0; a < panel.assetCount(); a++) {
      if (panel.asset(a).isStablecoin()) {
        continue;
      }
      double[] close = panel.closes(a);
      double[] cap = panel.marketCaps(a);
      for (int d = 1; d < days; d++) {
        double w = cap[d - 1];
        if (w > 0 && close[d - 1] > 0 && close[d] > 0) {
          weighted[d] += w * (close[d] / close[d - 1] - 1);
          totalCap[d] += w;
        }
      }
    }
    double[] level = new double[days];
    if (days == 0) {
      return level;
    }
    level[0] = 1.0;
    for (int d = 1; d < days; d++) {
      double r = totalCap[d] > 0 ? weighted[d] / totalCap[d] : 0;
      level[d] = level[d - 1] * (1 + r);
    }
    return level;
  }
}
