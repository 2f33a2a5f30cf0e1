package dev.ballast.ratings.grade;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.ratings.indicator.Indicators;
import dev.ballast.ratings.indicator.Macd;
import java.util.Arrays;

/**
 * The raw series of every factor of one asset, computed together so that shared intermediates
 * (daily log returns, their 30- and 365-day means) are computed once: the log returns alone are
 * the costliest step of the investor factors. Element {@code d} of every series uses panel data up
 * to day {@code d} only, because every indicator used is causal (see {@link Indicators}) and the
 * arithmetic here is pointwise. Stateless.
 */
final class FactorSeries {

  /** History is credited up to four years: beyond that, more age says little more. */
  static final int HISTORY_CAP_DAYS = 4 * 365;

  // Stablecoin scoring scales; docs/methodology.md gives the reasoning.
  /** A 90-day mean deviation of 1% or more scores 0 (a sound USD peg averages under 0.1%). */
  static final double PEG_MEAN_ZERO_AT = 0.01;

  /** Worst deviations up to 0.5% are daily-data noise and feed artefacts: full score. */
  static final double PEG_WORST_GRACE = 0.005;

  /** A worst deviation of 10% or more in 90 days scores 0. */
  static final double PEG_WORST_ZERO_AT = 0.10;

  /** Market cap scores 0 at $10M and 1 at $10B, linearly in log10. */
  static final double SIZE_LOG10_ZERO = 7;

  static final double SIZE_LOG10_FULL = 10;

  /** A mean daily turnover (volume / market cap) of 5% or more scores 1. */
  static final double TURNOVER_FULL_AT = 0.05;

  private static final double SQRT_30 = Math.sqrt(30);
  private static final double SQRT_365 = Math.sqrt(Indicators.DAYS_PER_YEAR);
  private static final int FACTORS = Factor.values().length;

  private FactorSeries() {}

  /**
   * The raw series of asset {@code a}, indexed by {@link Factor#ordinal()}: trader and investor
   * factors for a coin, stablecoin factors for a stablecoin, null for the factors of the other
   * kind.
   */
  static double[][] compute(MarketPanel panel, int a, GradeWeights weights) {
    double[][] out = new double[FACTORS][];
    Asset asset = panel.asset(a);
    if (asset.isStablecoin()) {
      stablecoin(panel, a, asset.stablecoin(), weights, out);
    } else {
      for (Factor f : Factor.values()) {
        if (f.isRanked()) {
          out[f.ordinal()] = new double[panel.days()];
        }
      }
      coinInto(panel, a, new Scratch(panel.days()), out);
    }
    return out;
  }

  /**
   * The intermediate series of {@link #coinInto}, a panel's days long each. A grader computing
   * coin after coin reuses one per thread: fresh arrays for every indicator of every coin were
   * most of a universe's allocation, and reused ones stay in the core's cache. Not thread-safe.
   */
  static final class Scratch {
    private final double[] returns;
    private final double[] first;
    private final double[] second;

    Scratch(int days) {
      returns = new double[days];
      first = new double[days];
      second = new double[days];
    }
  }

  /**
   * The raw series of coin {@code a}'s ranked factors, written into {@code out[f.ordinal()]} for
   * every ranked factor {@code f} (arrays a panel's days long, overwritten whole; the other
   * entries are not touched). The same arithmetic as the indicators' pure functions, bit for bit.
   */
  static void coinInto(MarketPanel panel, int a, Scratch scratch, double[][] out) {
    double[] c = panel.close(a);
    double[] v = panel.volume(a);
    double[] cap = panel.marketCap(a);
    int n = c.length;

    Indicators.rocInto(out[Factor.ROC_7.ordinal()], c, 7);
    Indicators.rocInto(out[Factor.ROC_30.ordinal()], c, 30);
    double[] trend50 = out[Factor.TREND_SMA_50.ordinal()];
    Indicators.smaInto(trend50, c, 50);
    relativeTo(c, trend50);
    double[] trend200 = out[Factor.TREND_SMA_200.ordinal()];
    Indicators.smaInto(trend200, c, 200);
    relativeTo(c, trend200);
    double[] histogram = out[Factor.MACD_HISTOGRAM.ordinal()];
    Indicators.macdInto(scratch.first, scratch.second, histogram, c, 12, 26, 9);
    for (int d = 0; d < n; d++) {
      histogram[d] /= c[d]; // price-free, so coins of any price compare
    }
    Indicators.rsiInto(out[Factor.RSI_14.ordinal()], c, 14);
    Indicators.volumeRatioInto(out[Factor.VOLUME_TREND.ordinal()], scratch.first, v, 7, 30);

    double[] r = scratch.returns;
    Indicators.logReturnsInto(r, c);
    // 30-day log return over its own noise: mean / sd of the 30 daily returns times sqrt(30).
    double[] volAdjusted = out[Factor.VOL_ADJUSTED_RETURN.ordinal()];
    Indicators.smaInto(volAdjusted, r, 30);
    double[] sd30 = scratch.first;
    Indicators.stdevInto(sd30, r, 30);
    for (int d = 0; d < n; d++) {
      volAdjusted[d] = sd30[d] > 0 ? volAdjusted[d] / sd30[d] * SQRT_30 : Double.NaN;
    }

    // Sharpe and Sortino with a zero risk-free rate share the 365-day mean return; this is what
    // Indicators.sharpe/sortino(close, 365, 0) compute, without taking the logs three times.
    double[] mean365 = scratch.first;
    Indicators.smaInto(mean365, r, 365);
    double[] sharpe = out[Factor.SHARPE_365.ordinal()];
    Indicators.stdevInto(sharpe, r, 365);
    double[] downside = scratch.second;
    for (int d = 0; d < n; d++) {
      double shortfall = Math.min(0, r[d]);
      downside[d] = shortfall * shortfall;
    }
    double[] sortino = out[Factor.SORTINO_365.ordinal()];
    Indicators.smaInto(sortino, downside, 365);
    for (int d = 0; d < n; d++) {
      double m = mean365[d];
      double sd = sharpe[d];
      sharpe[d] = sd > 0 ? m / sd * SQRT_365 : Double.NaN;
      double dd = Math.sqrt(sortino[d]);
      if (dd > 0) {
        sortino[d] = m / dd * SQRT_365;
      } else if (dd == 0) {
        sortino[d] = m > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
      }
    }
    Indicators.maxDrawdownInto(out[Factor.MAX_DRAWDOWN_365.ordinal()], c, 365);
    double[] turnover = scratch.first;
    turnoverInto(turnover, v, cap);
    Indicators.smaInto(out[Factor.LIQUIDITY_90.ordinal()], turnover, 90);
    presentWhereCloseInto(out[Factor.SIZE.ordinal()], c, cap);
    historyInto(out[Factor.HISTORY.ordinal()], c);
  }

  private static void stablecoin(
      MarketPanel panel, int a, StablecoinTerms terms, GradeWeights weights, double[][] out) {
    double[] c = panel.close(a);
    double[] v = panel.volume(a);
    double[] cap = panel.marketCap(a);
    int n = c.length;
    if (terms.isUsdPeg()) {
      double peg = terms.pegTarget().doubleValue();
      double[] hi = panel.high(a);
      double[] lo = panel.low(a);
      double[] deviation = new double[n];
      double[] worst = new double[n];
      for (int d = 0; d < n; d++) {
        double dev = Math.abs(c[d] / peg - 1);
        deviation[d] = dev;
        // An intraday depeg shows in the low or high, not in the close (DESIGN.md); a missing
        // low or high leaves the close alone (max ignores NaN only when the close is NaN).
        double w = dev;
        if (!Double.isNaN(lo[d])) {
          w = Math.max(w, Math.abs(lo[d] / peg - 1));
        }
        if (!Double.isNaN(hi[d])) {
          w = Math.max(w, Math.abs(hi[d] / peg - 1));
        }
        worst[d] = Double.isNaN(dev) ? Double.NaN : w;
      }
      out[Factor.PEG_MEAN_DEVIATION_90.ordinal()] = Indicators.sma(deviation, 90);
      out[Factor.PEG_WORST_DEVIATION_90.ordinal()] = rollingMax(worst, 90);
    } else {
      // Bars are in USD; a peg to gold cannot be judged without a gold price (methodology.md).
      out[Factor.PEG_MEAN_DEVIATION_90.ordinal()] = nans(n);
      out[Factor.PEG_WORST_DEVIATION_90.ordinal()] = nans(n);
    }
    double score = weights.collateralScore(terms.collateral());
    double[] collateral = new double[n];
    for (int d = 0; d < n; d++) {
      collateral[d] = Double.isNaN(c[d]) ? Double.NaN : score;
    }
    out[Factor.COLLATERAL.ordinal()] = collateral;
    out[Factor.STABLE_SIZE.ordinal()] = presentWhereClose(c, cap);
    out[Factor.STABLE_TURNOVER_30.ordinal()] = Indicators.sma(turnover(v, cap), 30);
  }

  /** The 0–1 score of a stablecoin factor's raw value; NaN for NaN. */
  static double stablecoinScore(Factor factor, double raw) {
    return switch (factor) {
      case PEG_MEAN_DEVIATION_90 -> 1 - Math.min(1, raw / PEG_MEAN_ZERO_AT);
      case PEG_WORST_DEVIATION_90 ->
          1
              - Math.min(
                  1,
                  Math.max(0, raw - PEG_WORST_GRACE) / (PEG_WORST_ZERO_AT - PEG_WORST_GRACE));
      case COLLATERAL -> raw;
      case STABLE_SIZE ->
          Double.isNaN(raw)
              ? Double.NaN
              : clamp01(
                  (Math.log10(raw) - SIZE_LOG10_ZERO) / (SIZE_LOG10_FULL - SIZE_LOG10_ZERO));
      case STABLE_TURNOVER_30 -> Math.min(1, raw / TURNOVER_FULL_AT);
      default -> throw new IllegalArgumentException(factor + " is not a stablecoin factor");
    };
  }

  private static double clamp01(double x) {
    return x < 0 ? 0 : Math.min(1, x); // log10(0) is -Infinity: a zero cap scores 0
  }

  /** {@code x / base - 1}, written into {@code base}. */
  private static void relativeTo(double[] x, double[] base) {
    for (int d = 0; d < x.length; d++) {
      base[d] = x[d] / base[d] - 1;
    }
  }

  /** Daily volume over market cap; NaN where the cap is 0 or either is missing. */
  private static double[] turnover(double[] volume, double[] cap) {
    double[] out = new double[volume.length];
    turnoverInto(out, volume, cap);
    return out;
  }

  private static void turnoverInto(double[] out, double[] volume, double[] cap) {
    for (int d = 0; d < out.length; d++) {
      out[d] = cap[d] > 0 ? volume[d] / cap[d] : Double.NaN;
    }
  }

  /** {@code x}, but NaN on days without a close: an asset is graded only on days it trades. */
  private static double[] presentWhereClose(double[] close, double[] x) {
    double[] out = new double[x.length];
    presentWhereCloseInto(out, close, x);
    return out;
  }

  private static void presentWhereCloseInto(double[] out, double[] close, double[] x) {
    for (int d = 0; d < out.length; d++) {
      out[d] = Double.isNaN(close[d]) ? Double.NaN : x[d];
    }
  }

  /** Days since the first close in the panel, capped; NaN on days without a close. */
  private static void historyInto(double[] out, double[] close) {
    int first = -1;
    for (int d = 0; d < close.length; d++) {
      if (Double.isNaN(close[d])) {
        out[d] = Double.NaN;
        continue;
      }
      if (first < 0) {
        first = d;
      }
      out[d] = Math.min(d - first, HISTORY_CAP_DAYS);
    }
  }

  /**
   * Rolling maximum of the last {@code window} values, NaN where the window holds a NaN (as
   * Indicators' windowed functions), with a monotone deque of indexes: O(n).
   */
  static double[] rollingMax(double[] x, int window) {
    int n = x.length;
    double[] out = nans(n);
    int[] deque = new int[n];
    int head = 0;
    int tail = 0;
    int run = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (Double.isNaN(v)) {
        run = 0;
        head = 0;
        tail = 0;
        continue;
      }
      run++;
      while (tail > head && x[deque[tail - 1]] <= v) {
        tail--;
      }
      deque[tail++] = i;
      if (deque[head] <= i - window) {
        head++;
      }
      if (run >= window) {
        out[i] = x[deque[head]];
      }
    }
    return out;
  }

  static double[] nans(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
