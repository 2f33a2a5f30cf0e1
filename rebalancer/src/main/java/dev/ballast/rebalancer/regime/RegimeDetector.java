package dev.ballast.rebalancer.regime;

import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.indicator.Indicators;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decides the market regime on every day of a panel from volatility, trend and breadth (see
 * {@link RegimeSettings} for the rules and {@code docs/regime-overlay.md} for the reasoning).
 *
 * <p>Day {@code d} uses only data of days {@code ≤ d}: every rolling window ends on the day, and
 * the hysteresis only looks back. Warm-up: a signal without enough history votes 0 and the evidence
 * says so; the overlay starts NEUTRAL (not knowing is the middle position) and leaves it only as
 * the votes allow. Stateless and thread-safe.
 */
public final class RegimeDetector {

  private RegimeDetector() {}

  /**
   * The regime history of {@code panel}.
   *
   * @param traderGrades trader grades indexed {@code [asset][day]} in panel order, 0..100, NaN where
   *     an asset has none; stablecoins are ignored. {@code null} when there are none: breadth then
   *     votes 0 every day and volatility and trend decide alone
   * @throws IllegalArgumentException if the grade matrix does not match the panel
   */
  public static RegimeHistory detect(
      MarketPanel panel, double[][] traderGrades, RegimeSettings s) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(s, "settings");
    int days = panel.days();
    if (traderGrades != null) {
      if (traderGrades.length != panel.assetCount()) {
        throw new IllegalArgumentException("traderGrades has " + traderGrades.length
            + " assets, the panel " + panel.assetCount());
      }
      for (int a = 0; a < traderGrades.length; a++) {
        if (traderGrades[a] == null || traderGrades[a].length != days) {
          throw new IllegalArgumentException("traderGrades of asset " + a + " ("
              + panel.asset(a).id() + ") must have " + days + " days, has "
              + (traderGrades[a] == null ? "none" : traderGrades[a].length));
        }
      }
    }
    double[] level = MarketIndex.levels(panel);
    double[] vol = Indicators.volatility(level, s.volWindow());
    double[] volPct = percentiles(vol, s.volHistory(), s.volMinHistory());
    double[] maShort = Indicators.sma(level, s.trendShort());
    double[] maLong = Indicators.sma(level, s.trendLong());
    double[] breadth = new double[days];
    int[] breadthCoins = new int[days];
    breadth(panel, traderGrades, s.breadthGradeLevel(), breadth, breadthCoins);

    byte[] volVote = new byte[days];
    byte[] trendVote = new byte[days];
    byte[] breadthVote = new byte[days];
    byte[] raw = new byte[days];
    byte[] held = new byte[days];
    Regime current = Regime.NEUTRAL;
    Regime candidate = Regime.NEUTRAL;
    int candidateRun = 0;
    int heldFor = 0;
    for (int d = 0; d < days; d++) {
      volVote[d] = (byte) (Double.isNaN(volPct[d]) ? 0
          : volPct[d] >= s.volHighPercentile() ? -1
          : volPct[d] <= s.volLowPercentile() ? 1 : 0);
      trendVote[d] = (byte) trend(level[d], maShort[d], maLong[d]);
      breadthVote[d] = (byte) (breadthCoins[d] < s.breadthMinCoins() ? 0
          : breadth[d] >= s.breadthHigh() ? 1
          : breadth[d] <= s.breadthLow() ? -1 : 0);
      int score = volVote[d] + trendVote[d] + breadthVote[d];
      // Schmitt trigger: the held regime's own threshold is relaxed by exitMargin.
      int on = s.riskOnScore() - (current == Regime.RISK_ON ? s.exitMargin() : 0);
      int off = s.riskOffScore() + (current == Regime.RISK_OFF ? s.exitMargin() : 0);
      Regime r = score >= on ? Regime.RISK_ON : score <= off ? Regime.RISK_OFF : Regime.NEUTRAL;
      raw[d] = (byte) r.ordinal();

      // Hysteresis: a new raw regime must persist confirmDays in a row; adding risk also waits
      // until the current regime has been held minDaysBeforeAddingRisk days.
      candidateRun = r == candidate ? candidateRun + 1 : 1;
      candidate = r;
      heldFor++;
      if (candidate != current
          && candidateRun >= s.confirmDays()
          && (!current.addsRisk(candidate) || heldFor >= s.minDaysBeforeAddingRisk())) {
        current = candidate;
        heldFor = 0;
      }
      held[d] = (byte) current.ordinal();
    }
    return new RegimeHistory(panel.start(), s, level, vol, volPct, maShort, maLong, breadth,
        breadthCoins, traderGrades != null, volVote, trendVote, breadthVote, raw, held);
  }

  /** +1 when level and short average are above the long one, −1 when both below, else 0. */
  static int trend(double level, double maShort, double maLong) {
    if (Double.isNaN(maLong) || Double.isNaN(maShort)) {
      return 0;
    }
    if (level > maLong && maShort > maLong) {
      return 1;
    }
    if (level < maLong && maShort < maLong) {
      return -1;
    }
    return 0;
  }

  /**
   * Where each value ranks among the values of the last {@code window} days including itself, as
   * a fraction 0..1 (mid-rank for ties): the share of the window below it. NaN until {@code
   * minCount} values are present.
   */
  static double[] percentiles(double[] x, int window, int minCount) {
    double[] out = new double[x.length];
    Arrays.fill(out, Double.NaN);
    for (int d = 0; d < x.length; d++) {
      double v = x[d];
      if (Double.isNaN(v)) {
        continue;
      }
      int below = 0;
      int equal = 0;
      int n = 0;
      for (int k = Math.max(0, d - window + 1); k <= d; k++) {
        double w = x[k];
        if (Double.isNaN(w)) {
          continue;
        }
        n++;
        if (w < v) {
          below++;
        } else if (w == v) {
          equal++;
        }
      }
      if (n >= minCount) {
        // Mid-rank of today among n values, scaled so the lowest is 0 and the highest 1.
        out[d] = (below + (equal - 1) / 2.0) / (n - 1);
      }
    }
    return out;
  }

  private static void breadth(MarketPanel panel, double[][] grades, double gradeLevel,
      double[] share, int[] counts) {
    Arrays.fill(share, Double.NaN);
    if (grades == null) {
      return;
    }
    int[] strong = new int[share.length];
    for (int a = 0; a < grades.length; a++) {
      if (panel.asset(a).isStablecoin()) {
        continue;
      }
      double[] g = grades[a];
      for (int d = 0; d < g.length; d++) {
        if (!Double.isNaN(g[d])) {
          counts[d]++;
          if (g[d] > gradeLevel) {
            strong[d]++;
          }
        }
      }
    }
    for (int d = 0; d < share.length; d++) {
      if (counts[d] > 0) {
        share[d] = strong[d] / (double) counts[d];
      }
    }
  }
}
