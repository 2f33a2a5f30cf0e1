package dev.ballast.ratings.indicator;

import java.util.Arrays;

/**
 * Technical and risk indicators as pure functions over daily columns of {@code double}.
 *
 * <p><b>Shape.</b> Every function returns a new array as long as its input, index-aligned with it:
 * element {@code i} uses inputs up to and including {@code i} only (no look-ahead). Values that
 * cannot be computed yet (the warm-up, given per method) are {@code NaN}. Inputs are never
 * modified. Empty input gives empty output; input shorter than the warm-up gives all NaN.
 *
 * <p><b>Missing values.</b> A {@code NaN} input is a missing day, and no indicator pretends to know
 * it:
 *
 * <ul>
 *   <li>windowed indicators (SMA, standard deviation, volatility, Sharpe, ...) are NaN at every
 *       index whose window contains a missing value, and resume as soon as the window is whole
 *       again;
 *   <li>recursive indicators (EMA, RSI, ATR, MACD) cannot skip a gap without inventing the missing
 *       change, so they <em>restart</em>: NaN at the gap, then a fresh warm-up seeded from the
 *       values after it, exactly as if the series began there;
 *   <li>point-to-point indicators (log return, rate of change) are NaN when either endpoint is.
 * </ul>
 *
 * So a value is never a blend of real data and a guess, and one missing day costs at most one
 * warm-up. Prices are expected to be positive; {@code ±Infinity} is not treated specially.
 *
 * <p><b>Returns and annualisation.</b> Risk indicators work on daily log returns and annualise with
 * 365 days, not the 252 of equity markets, because crypto trades every calendar day. Their {@code
 * window} counts returns, so they need {@code window + 1} closes.
 *
 * <p><b>Numerics.</b> Rolling windows are O(n): sums and moments are updated as the window slides
 * and recomputed exactly once per window length, so rounding error cannot build up over long
 * histories. Moments use Welford-style updates of deviations, never {@code Σx² − (Σx)²/n}, and are
 * also recomputed when a window sheds values far larger than it keeps, so a stablecoin's tiny
 * variance survives a violent past.
 *
 * <p><b>Into variants.</b> The indicators the grader runs over a whole universe also come as {@code
 * ...Into(double[] out, ...)}: the same arithmetic, bit for bit (the pure functions call them),
 * written into an array the caller owns and reuses, because a fresh array per indicator and asset
 * is most of a universe's allocation and its memory traffic. They write every element of {@code
 * out}, NaN included, so {@code out} may hold anything before; it must be as long as the input and
 * must not be one of the inputs.
 *
 * <p>Stateless and thread-safe.
 */
public final class Indicators {

  /** Calendar days a year: crypto trades on all of them. */
  public static final int DAYS_PER_YEAR = 365;

  private static final double SQRT_DAYS_PER_YEAR = Math.sqrt(DAYS_PER_YEAR);

  private Indicators() {}

  // ---------------------------------------------------------------------------------------------
  // Moving averages

  /**
   * Simple moving average: the mean of the last {@code period} values, in the input's units.
   * Warm-up: {@code period - 1} values (first value at index {@code period - 1}).
   */
  public static double[] sma(double[] x, int period) {
    double[] out = new double[x.length];
    smaInto(out, x, period);
    return out;
  }

  /** {@link #sma} written into {@code out}. */
  public static void smaInto(double[] out, double[] x, int period) {
    requirePositive("period", period);
    requireOutput(out, "x", x);
    int run = 0;
    int slides = 0; // since the last exact sum
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (Double.isNaN(v)) {
        run = 0;
        out[i] = Double.NaN;
        continue;
      }
      run++;
      if (run < period) {
        out[i] = Double.NaN;
        continue;
      }
      if (run == period || ++slides == period) {
        sum = exactSum(x, i - period + 1, i + 1);
        slides = 0;
      } else {
        sum += v - x[i - period];
      }
      out[i] = sum / period;
    }
  }

  /**
   * Exponential moving average with {@code alpha = 2 / (period + 1)}, seeded the textbook way
   * (StockCharts, TA-Lib): the first value is the SMA of the first {@code period} values. In the
   * input's units. Warm-up: {@code period - 1} values.
   */
  public static double[] ema(double[] x, int period) {
    requirePositive("period", period);
    return smoothed(x, period, 2.0 / (period + 1), true);
  }

  /**
   * EMA as {@link #ema} but seeded with the first value itself, as ta4j's {@code EMAIndicator}
   * does: defined from index 0, and its early values lean on that one value. The two variants
   * converge as the seed's weight {@code (1 - alpha)^i} decays (below 1e-9 after roughly ten
   * periods); use this one only to reproduce ta4j figures exactly.
   */
  public static double[] emaSeededWithFirst(double[] x, int period) {
    requirePositive("period", period);
    return smoothed(x, period, 2.0 / (period + 1), false);
  }

  /**
   * Moving Average Convergence/Divergence: {@code line = ema(fast) - ema(slow)}, {@code signal =
   * ema(line, signal)}, {@code histogram = line - signal}, all with textbook SMA seeding (usual
   * parameters 12, 26, 9). In price units. Warm-up: {@code slow - 1} values for the line and {@code
   * slow + signal - 2} for the signal and histogram.
   *
   * @throws IllegalArgumentException unless {@code 1 <= fast < slow} and {@code signal >= 1}
   */
  public static Macd macd(double[] close, int fast, int slow, int signal) {
    int n = close.length;
    Macd macd = new Macd(new double[n], new double[n], new double[n]);
    macdInto(macd.line(), macd.signal(), macd.histogram(), close, fast, slow, signal);
    return macd;
  }

  /** {@link #macd} written into {@code line}, {@code signalLine} and {@code histogram}. */
  public static void macdInto(
      double[] line,
      double[] signalLine,
      double[] histogram,
      double[] close,
      int fast,
      int slow,
      int signal) {
    requirePositive("fast", fast);
    requirePositive("slow", slow);
    requirePositive("signal", signal);
    if (fast >= slow) {
      throw new IllegalArgumentException(
          "fast period must be shorter than slow period, was fast " + fast + ", slow " + slow);
    }
    requireOutput(line, "close", close);
    requireOutput(signalLine, "close", close);
    requireOutput(histogram, "close", close);
    if (line == signalLine || line == histogram || signalLine == histogram) {
      throw new IllegalArgumentException("line, signal and histogram must be distinct arrays");
    }
    smoothedInto(line, close, fast, 2.0 / (fast + 1), true);
    double[] slowEma = histogram; // the histogram's array holds the slow EMA until the end
    smoothedInto(slowEma, close, slow, 2.0 / (slow + 1), true);
    for (int i = 0; i < line.length; i++) {
      line[i] -= slowEma[i];
    }
    // The line's leading NaNs act as a gap, so the signal EMA seeds itself on the first
    // `signal` defined line values, as the textbook prescribes.
    smoothedInto(signalLine, line, signal, 2.0 / (signal + 1), true);
    for (int i = 0; i < line.length; i++) {
      histogram[i] = line[i] - signalLine[i];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Momentum

  /**
   * Relative Strength Index, 0 to 100, with Wilder's smoothing ({@code alpha = 1 / period}): the
   * first average gain and loss are the simple means of the first {@code period} changes, as in
   * Wilder (1978). 100 when the window has gains but no losses, 0 for losses but no gains, and 50
   * for a flat window (no momentum either way; ta4j says 0 there). Warm-up: {@code period} values
   * (the first change needs two closes).
   */
  public static double[] rsi(double[] close, int period) {
    double[] out = new double[close.length];
    rsiInto(out, close, period);
    return out;
  }

  /** {@link #rsi} written into {@code out}. */
  public static void rsiInto(double[] out, double[] close, int period) {
    requirePositive("period", period);
    requireOutput(out, "close", close);
    // Multiplying by 1/period keeps a division off the loop's dependency chain (ta4j does too).
    double alpha = 1.0 / period;
    int changes = -1; // changes seen since the last gap; -1 until a previous close exists
    double avgGain = 0;
    double avgLoss = 0;
    for (int i = 0; i < close.length; i++) {
      double c = close[i];
      out[i] = Double.NaN; // until the seed is complete; overwritten below once it is
      if (Double.isNaN(c)) {
        changes = -1;
        continue;
      }
      changes++;
      if (changes == 0) {
        avgGain = 0;
        avgLoss = 0;
        continue;
      }
      double change = c - close[i - 1];
      // Branch-free: up and down days alternate unpredictably.
      double gain = Math.max(change, 0);
      double loss = Math.max(-change, 0);
      if (changes <= period) {
        // Sums until the seed is complete, then Wilder's first averages.
        avgGain += gain;
        avgLoss += loss;
        if (changes < period) {
          continue;
        }
        avgGain /= period;
        avgLoss /= period;
      } else {
        avgGain += (gain - avgGain) * alpha;
        avgLoss += (loss - avgLoss) * alpha;
      }
      out[i] = rsiOf(avgGain, avgLoss);
    }
  }

  /**
   * Rate of change over {@code period} days as a fraction, not a percent: {@code 0.05} is +5%
   * ({@code close[i] / close[i - period] - 1}). ta4j's {@code ROCIndicator} gives percent, 100×
   * this. Warm-up: {@code period} values.
   */
  public static double[] roc(double[] close, int period) {
    double[] out = new double[close.length];
    rocInto(out, close, period);
    return out;
  }

  /** {@link #roc} written into {@code out}. */
  public static void rocInto(double[] out, double[] close, int period) {
    requirePositive("period", period);
    requireOutput(out, "close", close);
    Arrays.fill(out, 0, Math.min(period, close.length), Double.NaN);
    for (int i = period; i < close.length; i++) {
      double base = close[i - period];
      out[i] = (close[i] - base) / base;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Risk on daily log returns

  /**
   * Daily log returns {@code ln(close[i] / close[i - 1])}, dimensionless. Warm-up: 1 value (index 0
   * is NaN). NaN when either close is.
   */
  public static double[] logReturns(double[] close) {
    double[] out = new double[close.length];
    logReturnsInto(out, close);
    return out;
  }

  /** {@link #logReturns} written into {@code out}. */
  public static void logReturnsInto(double[] out, double[] close) {
    requireOutput(out, "close", close);
    if (close.length > 0) {
      out[0] = Double.NaN;
    }
    for (int i = 1; i < close.length; i++) {
      out[i] = Math.log(close[i] / close[i - 1]);
    }
  }

  /**
   * Rolling <em>sample</em> standard deviation (divides by {@code window - 1}) of the last {@code
   * window} values, in the input's units. ta4j's {@code StandardDeviationIndicator} divides by
   * {@code window}: multiply it by {@code sqrt(window / (window - 1))} to compare. Warm-up: {@code
   * window - 1} values.
   *
   * @throws IllegalArgumentException if {@code window < 2}
   */
  public static double[] stdev(double[] x, int window) {
    double[] out = new double[x.length];
    stdevInto(out, x, window);
    return out;
  }

  /** {@link #stdev} written into {@code out}. */
  public static void stdevInto(double[] out, double[] x, int window) {
    requireAtLeast("window", window, 2);
    requireOutput(out, "x", x);
    rollingMoments(x, window, null, out);
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.sqrt(out[i] / (window - 1));
    }
  }

  /**
   * Annualised volatility: the rolling sample standard deviation ({@code n - 1}) of the last {@code
   * window} daily log returns times {@code sqrt(365)}, as a fraction ({@code 0.6} is 60% a year).
   * Warm-up: {@code window} values (needs {@code window + 1} closes).
   *
   * @throws IllegalArgumentException if {@code window < 2}
   */
  public static double[] volatility(double[] close, int window) {
    double[] vol = stdev(logReturns(close), window);
    for (int i = 0; i < vol.length; i++) {
      vol[i] *= SQRT_DAYS_PER_YEAR;
    }
    return vol;
  }

  /**
   * Rolling maximum drawdown: the largest fall from a close to any later close within the last
   * {@code window} closes, as a positive fraction of the earlier close ({@code 0.35} for a −35%
   * peak-to-trough fall, 0 if the window never fell). Warm-up: {@code window - 1} values. Closes
   * must be positive.
   */
  public static double[] maxDrawdown(double[] close, int window) {
    double[] out = new double[close.length];
    maxDrawdownInto(out, close, window);
    return out;
  }

  /** {@link #maxDrawdown} written into {@code out}. */
  public static void maxDrawdownInto(double[] out, double[] close, int window) {
    requirePositive("window", window);
    requireOutput(out, "close", close);
    int n = close.length;
    // The window's worst ratio later/earlier is an associative fold of (max, min, worst) over
    // its closes. Folding each block of `window` closes forwards (prefix) and backwards
    // (suffix) lets any window, which spans at most two adjacent blocks, be answered as
    // suffix(start) ⊕ prefix(end): O(n) in all, with no deque. The prefix fold runs along with
    // the answers; only the previous block's suffix folds are kept, so the scratch is two
    // windows long, not five series.
    int block = Math.min(window, n);
    double[] sufMax = new double[block]; // of the previous block, by offset in it
    double[] sufWorst = new double[block];
    int run = 0;
    for (int start = 0; start < n; start += window) {
      int end = Math.min(start + window, n);
      double preMax = Double.NaN;
      double preMin = Double.NaN;
      double preWorst = Double.NaN;
      for (int i = start; i < end; i++) {
        double c = close[i];
        if (i == start) {
          preMax = c;
          preMin = c;
          preWorst = 1;
        } else {
          preWorst = Math.min(preWorst, c / preMax);
          preMax = Math.max(preMax, c);
          preMin = Math.min(preMin, c);
        }
        run = Double.isNaN(c) ? 0 : run + 1;
        if (run < window) {
          out[i] = Double.NaN;
          continue;
        }
        int from = i - window + 1; // the window's first close: this block's or the previous's
        int k = from - (start - window);
        double worst =
            from == start
                ? preWorst
                : Math.min(Math.min(sufWorst[k], preWorst), preMin / sufMax[k]);
        out[i] = 1 - worst;
      }
      double sufMin = Double.NaN;
      for (int i = end - 1; i >= start && end < n; i--) {
        double c = close[i];
        int k = i - start;
        if (i == end - 1) {
          sufMax[k] = c;
          sufMin = c;
          sufWorst[k] = 1;
        } else {
          sufMax[k] = Math.max(sufMax[k + 1], c);
          sufWorst[k] = Math.min(sufWorst[k + 1], sufMin / c);
          sufMin = Math.min(sufMin, c);
        }
      }
    }
  }

  /**
   * Rolling annualised Sharpe ratio of the last {@code window} daily log returns: {@code mean(r -
   * rf) / stdev(r) * sqrt(365)}, sample standard deviation, where the daily risk-free log return is
   * {@code ln(1 + riskFreeAnnual) / 365}. Dimensionless. NaN where the returns do not vary (a flat
   * window). Warm-up: {@code window} values.
   *
   * @param riskFreeAnnual annual risk-free rate as a fraction, e.g. {@code 0.04}
   * @throws IllegalArgumentException if {@code window < 2} or the rate is not finite or {@code <=
   *     -1}
   */
  public static double[] sharpe(double[] close, int window, double riskFreeAnnual) {
    requireAtLeast("window", window, 2);
    double rf = dailyRiskFree(riskFreeAnnual);
    double[] mean = new double[close.length];
    double[] out = new double[close.length];
    rollingMoments(logReturns(close), window, mean, out);
    for (int i = 0; i < out.length; i++) {
      double sd = Math.sqrt(out[i] / (window - 1));
      out[i] = sd > 0 ? (mean[i] - rf) / sd * SQRT_DAYS_PER_YEAR : Double.NaN;
    }
    return out;
  }

  /**
   * Rolling annualised Sortino ratio of the last {@code window} daily log returns: {@code mean(r -
   * rf) / downsideDeviation * sqrt(365)}, where the downside deviation is {@code sqrt(Σ min(0, r -
   * rf)² / window)}, the target downside deviation of Sortino and Price (1994) with the risk-free
   * rate as target (every return counts in the divisor, not only the bad ones). Dimensionless. A
   * window with no return below the target has no downside: {@code +Infinity} if its mean excess
   * return is positive, NaN otherwise. Warm-up: {@code window} values.
   *
   * @param riskFreeAnnual annual risk-free rate as a fraction, e.g. {@code 0.04}
   * @throws IllegalArgumentException if {@code window < 2} or the rate is not finite or {@code <=
   *     -1}
   */
  public static double[] sortino(double[] close, int window, double riskFreeAnnual) {
    requireAtLeast("window", window, 2);
    double rf = dailyRiskFree(riskFreeAnnual);
    double[] excess = logReturns(close);
    double[] downside = new double[excess.length];
    for (int i = 0; i < excess.length; i++) {
      excess[i] -= rf;
      double shortfall = Math.min(0, excess[i]);
      downside[i] = shortfall * shortfall; // NaN stays NaN: min(0, NaN) is NaN
    }
    double[] meanExcess = sma(excess, window);
    double[] out = sma(downside, window);
    for (int i = 0; i < out.length; i++) {
      double dd = Math.sqrt(out[i]);
      double m = meanExcess[i];
      if (dd > 0) {
        out[i] = m / dd * SQRT_DAYS_PER_YEAR;
      } else if (dd == 0) {
        out[i] = m > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
      }
    }
    return out;
  }

  /**
   * Rolling Pearson correlation, −1 to 1, of the daily log returns of two index-aligned price
   * series over the last {@code window} returns. NaN where either series is flat. Warm-up: {@code
   * window} values; a return is missing when either series misses it.
   *
   * @throws IllegalArgumentException if {@code window < 2} or the lengths differ
   */
  public static double[] correlation(double[] x, double[] y, int window) {
    return rollingPair(x, "x", y, "y", window, false);
  }

  /**
   * Rolling beta of {@code asset} against {@code market}: {@code cov(ra, rm) / var(rm)} of their
   * daily log returns over the last {@code window} returns. Dimensionless. NaN where the market is
   * flat. Warm-up: {@code window} values.
   *
   * @throws IllegalArgumentException if {@code window < 2} or the lengths differ
   */
  public static double[] beta(double[] asset, double[] market, int window) {
    return rollingPair(asset, "asset", market, "market", window, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Volume, bands, range

  /**
   * Mean volume of the last {@code shortWindow} days over the mean of the last {@code longWindow}
   * days, dimensionless: above 1 when trading picks up. NaN where the long mean is 0 (no trading).
   * Warm-up: {@code longWindow - 1} values.
   *
   * @throws IllegalArgumentException unless {@code 1 <= shortWindow <= longWindow}
   */
  public static double[] volumeRatio(double[] volume, int shortWindow, int longWindow) {
    double[] out = new double[volume.length];
    volumeRatioInto(out, new double[volume.length], volume, shortWindow, longWindow);
    return out;
  }

  /**
   * {@link #volumeRatio} written into {@code out}; {@code longMean} receives the long-window mean
   * volume on the way.
   */
  public static void volumeRatioInto(
      double[] out, double[] longMean, double[] volume, int shortWindow, int longWindow) {
    requirePositive("shortWindow", shortWindow);
    requirePositive("longWindow", longWindow);
    if (shortWindow > longWindow) {
      throw new IllegalArgumentException(
          "shortWindow must not exceed longWindow, was " + shortWindow + " > " + longWindow);
    }
    if (out == longMean) {
      throw new IllegalArgumentException("out and longMean must be distinct arrays");
    }
    smaInto(out, volume, shortWindow);
    smaInto(longMean, volume, longWindow);
    for (int i = 0; i < out.length; i++) {
      out[i] = longMean[i] > 0 ? out[i] / longMean[i] : Double.NaN;
    }
  }

  /**
   * Bollinger %B: where the close sits in its bands, {@code (close - lower) / (upper - lower)} with
   * bands {@code sma ± k * sd} over {@code period} closes; 0 on the lower band, 1 on the upper,
   * outside [0, 1] beyond them. Dimensionless. The standard deviation is the <em>population</em>
   * one (divides by {@code period}), as John Bollinger specifies and ta4j computes. NaN for a flat
   * window (no bands). Warm-up: {@code period - 1} values.
   *
   * @param k band width in standard deviations, usually 2
   * @throws IllegalArgumentException if {@code period < 1} or {@code k} is not finite and {@code >
   *     0}
   */
  public static double[] bollingerPercentB(double[] close, int period, double k) {
    requirePositive("period", period);
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be finite and > 0, was " + k);
    }
    double[] mean = new double[close.length];
    double[] out = new double[close.length];
    rollingMoments(close, period, mean, out);
    for (int i = 0; i < out.length; i++) {
      double halfWidth = k * Math.sqrt(out[i] / period);
      out[i] = halfWidth > 0 ? (close[i] - mean[i] + halfWidth) / (2 * halfWidth) : Double.NaN;
    }
    return out;
  }

  /**
   * Average True Range with Wilder's smoothing ({@code alpha = 1 / period}), in price units. The
   * true range is {@code max(high, prevClose) - min(low, prevClose)}, and just {@code high - low}
   * where the previous close is unknown (the first bar, or after a missing close); the first ATR is
   * the mean of the first {@code period} true ranges, as in Wilder (1978). NaN, and a restart,
   * wherever a high or low is missing, so series without ranges (daily closes only) give all NaN.
   * Warm-up: {@code period - 1} values.
   *
   * @throws IllegalArgumentException if {@code period < 1} or the lengths differ
   */
  public static double[] atr(double[] high, double[] low, double[] close, int period) {
    requirePositive("period", period);
    requireSameLength("high", high, "low", low);
    requireSameLength("high", high, "close", close);
    double[] out = nans(close.length);
    double alpha = 1.0 / period;
    int run = 0;
    double avg = 0;
    for (int i = 0; i < close.length; i++) {
      double h = high[i];
      double l = low[i];
      if (Double.isNaN(h) || Double.isNaN(l)) {
        run = 0;
        continue;
      }
      double prev = i > 0 ? close[i - 1] : Double.NaN;
      double tr = Double.isNaN(prev) ? h - l : Math.max(h, prev) - Math.min(l, prev);
      run++;
      if (run <= period) {
        avg = run == 1 ? tr : avg + tr;
        if (run < period) {
          continue;
        }
        avg /= period;
      } else {
        avg += (tr - avg) * alpha;
      }
      out[i] = avg;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Shared machinery

  /**
   * Exponential smoothing with restart at gaps; seeded with the SMA of the first {@code period}
   * values of each run, or with the run's first value.
   */
  private static double[] smoothed(double[] x, int period, double alpha, boolean smaSeed) {
    double[] out = new double[x.length];
    smoothedInto(out, x, period, alpha, smaSeed);
    return out;
  }

  private static void smoothedInto(
      double[] out, double[] x, int period, double alpha, boolean smaSeed) {
    int run = 0;
    double avg = 0;
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      out[i] = Double.NaN; // until the seed is complete; overwritten below once it is
      if (Double.isNaN(v)) {
        run = 0;
        continue;
      }
      run++;
      if (!smaSeed) {
        avg = run == 1 ? v : avg + alpha * (v - avg);
      } else if (run <= period) {
        avg = run == 1 ? v : avg + v;
        if (run < period) {
          continue;
        }
        avg /= period;
      } else {
        avg += alpha * (v - avg);
      }
      out[i] = avg;
    }
  }

  /**
   * Writes, for every index whose last {@code window} values are all present, their mean (if {@code
   * mean} is not null) and their sum of squared deviations from it into {@code m2}, and NaN into
   * both at the other indexes.
   */
  private static void rollingMoments(double[] x, int window, double[] mean, double[] m2) {
    double perValue = 1.0 / window; // a multiplication, not a division, on the dependency chain
    int run = 0;
    double mu = 0;
    double s = 0;
    double churn = 0;
    int slides = 0; // since the last exact computation
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      run = Double.isNaN(v) ? 0 : run + 1;
      if (run < window) {
        if (mean != null) {
          mean[i] = Double.NaN;
        }
        m2[i] = Double.NaN;
        continue;
      }
      boolean exact = run == window || ++slides == window;
      if (!exact) {
        double old = x[i - window];
        double newMu = mu + (v - old) * perValue;
        double update = (v - old) * (v - newMu + old - mu);
        s += update;
        mu = newMu;
        churn += Math.abs(update);
        exact = isSwampedByRounding(s, churn);
      }
      if (exact) {
        int from = i - window + 1;
        mu = exactSum(x, from, i + 1) / window;
        s = 0;
        for (int j = from; j <= i; j++) {
          double d = x[j] - mu;
          s += d * d;
        }
        churn = 0;
        slides = 0;
      }
      if (mean != null) {
        mean[i] = mu;
      }
      m2[i] = s;
    }
  }

  /**
   * Whether a slid moment {@code s} has become too small to trust next to the updates that built it
   * since its last exact computation: their rounding error is about {@code 1e-16 * churn}, so this
   * keeps it below 1e-10 of {@code s}. It fires when a window sheds a violent past (a stablecoin
   * after a depeg, a coin after a 1,000× collapse) and never on steady data, so the extra
   * recomputations stay O(n) in all. Also true for a negative {@code s}.
   */
  private static boolean isSwampedByRounding(double s, double churn) {
    return s < churn * 1e-6;
  }

  /** Rolling correlation or beta of log returns, from sliding co-moments. */
  private static double[] rollingPair(
      double[] a, String aName, double[] b, String bName, int window, boolean beta) {
    requireAtLeast("window", window, 2);
    requireSameLength(aName, a, bName, b);
    double[] ra = logReturns(a);
    double[] rb = logReturns(b);
    double[] out = nans(a.length);
    double perValue = 1.0 / window;
    int run = 0;
    double ma = 0;
    double mb = 0;
    double caa = 0;
    double cbb = 0;
    double cab = 0;
    double churnAa = 0;
    double churnBb = 0;
    double churnAb = 0;
    int slides = 0; // since the last exact computation
    for (int i = 0; i < ra.length; i++) {
      double x = ra[i];
      double y = rb[i];
      if (Double.isNaN(x) || Double.isNaN(y)) {
        run = 0;
        continue;
      }
      if (++run < window) {
        continue;
      }
      boolean exact = run == window || ++slides == window;
      if (!exact) {
        // Replacing (xo, yo) by (x, y) at a fixed count: C' = C + dx (y - my') + dy (xo - mx).
        double xo = ra[i - window];
        double yo = rb[i - window];
        double dx = x - xo;
        double dy = y - yo;
        double newMa = ma + dx * perValue;
        double newMb = mb + dy * perValue;
        double updateAa = dx * (x - newMa + xo - ma);
        double updateBb = dy * (y - newMb + yo - mb);
        double updateAb = dx * (y - newMb) + dy * (xo - ma);
        caa += updateAa;
        cbb += updateBb;
        cab += updateAb;
        ma = newMa;
        mb = newMb;
        churnAa += Math.abs(updateAa);
        churnBb += Math.abs(updateBb);
        churnAb += Math.abs(updateAb);
        // The co-moment may rightly be near 0, so judge its error against the variances.
        exact =
            isSwampedByRounding(caa, churnAa)
                || isSwampedByRounding(cbb, churnBb)
                || isSwampedByRounding(Math.sqrt(caa * cbb), churnAb);
      }
      if (exact) {
        int from = i - window + 1;
        ma = exactSum(ra, from, i + 1) / window;
        mb = exactSum(rb, from, i + 1) / window;
        caa = 0;
        cbb = 0;
        cab = 0;
        for (int j = from; j <= i; j++) {
          double da = ra[j] - ma;
          double db = rb[j] - mb;
          caa += da * da;
          cbb += db * db;
          cab += da * db;
        }
        churnAa = 0;
        churnBb = 0;
        churnAb = 0;
        slides = 0;
      }
      if (beta) {
        out[i] = cbb > 0 ? cab / cbb : Double.NaN;
      } else {
        double denominator = Math.sqrt(caa * cbb);
        // Clamped: rounding may push a perfect correlation a hair past ±1.
        out[i] = denominator > 0 ? Math.max(-1, Math.min(1, cab / denominator)) : Double.NaN;
      }
    }
    return out;
  }

  private static double rsiOf(double avgGain, double avgLoss) {
    if (avgLoss == 0) {
      return avgGain == 0 ? 50 : 100;
    }
    // 100 - 100 / (1 + RS) with RS = gain / loss, in one division.
    return 100 * avgGain / (avgGain + avgLoss);
  }

  private static double dailyRiskFree(double riskFreeAnnual) {
    if (!(riskFreeAnnual > -1) || Double.isInfinite(riskFreeAnnual)) {
      throw new IllegalArgumentException(
          "riskFreeAnnual must be finite and > -1, was " + riskFreeAnnual);
    }
    return Math.log1p(riskFreeAnnual) / DAYS_PER_YEAR;
  }

  private static double exactSum(double[] x, int from, int to) {
    double sum = 0;
    for (int j = from; j < to; j++) {
      sum += x[j];
    }
    return sum;
  }

  private static double[] nans(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  /** The output array of an Into variant: as long as the input, and not the input itself. */
  private static void requireOutput(double[] out, String inputName, double[] input) {
    requireSameLength("out", out, inputName, input);
    if (out == input) {
      throw new IllegalArgumentException("out must not be " + inputName + " itself");
    }
  }

  private static void requirePositive(String name, int value) {
    requireAtLeast(name, value, 1);
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
    }
  }

  private static void requireSameLength(String aName, double[] a, String bName, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          aName + " has " + a.length + " values but " + bName + " has " + b.length);
    }
  }
}
