package dev.ballast.ratings.signal;

import java.util.Objects;

/**
 * Trading signals from trader grades, and what following them would have earned. Pure functions
 * over {@code double[]} columns of consecutive days; the rules are in {@link SignalRule} and {@code
 * docs/methodology.md}. Stateless and thread-safe.
 */
public final class Signals {

  public static final int BULLISH = 1;
  public static final int NEUTRAL = 0;
  public static final int BEARISH = -1;

  private static final double BASIS_POINTS = 10_000;

  private Signals() {}

  /**
   * The signal of each day from the grades up to and including that day (no look-ahead): +1, 0 or
   * −1 by the hysteresis rule of {@code rule}. A missing grade ({@code NaN}) makes the day 0 and
   * restarts the confirmation count: with no grade there is no view, and a position is not held on
   * stale information. A first grade already beyond an entry level enters on that day (after
   * confirmation), as if crossed from neutral.
   *
   * @throws IllegalArgumentException if a grade is outside [0, 100] and not NaN
   */
  public static int[] fromGrades(double[] grade, SignalRule rule) {
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(rule, "rule");
    int[] signal = new int[grade.length];
    int state = NEUTRAL;
    int daysAtLongEntry = 0;
    int daysAtShortEntry = 0;
    for (int d = 0; d < grade.length; d++) {
      double g = grade[d];
      if (Double.isNaN(g)) {
        state = NEUTRAL;
        daysAtLongEntry = 0;
        daysAtShortEntry = 0;
        continue; // signal[d] is already 0
      }
      if (!(g >= 0 && g <= 100)) {
        throw new IllegalArgumentException(
            "grade must be in [0, 100] or NaN, was " + g + " at index " + d);
      }
      daysAtLongEntry = g >= rule.enterLong() ? daysAtLongEntry + 1 : 0;
      daysAtShortEntry = g <= rule.enterShort() ? daysAtShortEntry + 1 : 0;
      if (state == BULLISH && g < rule.exitLong()) {
        state = NEUTRAL;
      } else if (state == BEARISH && g > rule.exitShort()) {
        state = NEUTRAL;
      }
      if (state == NEUTRAL) {
        if (daysAtLongEntry >= rule.confirmDays()) {
          state = BULLISH;
        } else if (daysAtShortEntry >= rule.confirmDays()) {
          state = BEARISH;
        }
      }
      signal[d] = state;
    }
    return signal;
  }

  /**
   * Follows a signal: long the asset when it is +1, in cash (flat, earning nothing) when it is 0 or
   * −1, because a spot index cannot short. The signal of day {@code d}, known at its close, is
   * traded at that close and earns the return from {@code d} to {@code d + 1}; it never earns the
   * return into {@code d}. Each buy or sell pays {@code feeBps} of the traded value. The benchmark
   * buys at the first close (paying one fee) and holds.
   *
   * <p>A missing close ({@code NaN}) cannot be traded at: the position of the day before is kept,
   * the day earns nothing, and the next known close is measured against the last known one.
   *
   * @param signal +1, 0 or −1 per day
   * @param close positive closes, or NaN, aligned with {@code signal}
   * @param feeBps the cost of one trade in basis points of its value, in [0, 10000)
   * @throws IllegalArgumentException if the lengths differ, a signal is not −1, 0 or 1, a close is
   *     not positive, or the fee is out of range
   */
  public static SignalPerformance performance(int[] signal, double[] close, double feeBps) {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(close, "close");
    if (signal.length != close.length) {
      throw new IllegalArgumentException(
          "signal and close must be aligned day by day, were "
              + signal.length
              + " and "
              + close.length
              + " long");
    }
    if (!(feeBps >= 0 && feeBps < BASIS_POINTS)) {
      throw new IllegalArgumentException("feeBps must be in [0, 10000), was " + feeBps);
    }
    double fee = feeBps / BASIS_POINTS;
    int n = close.length;
    double[] strategy = new double[n];
    double[] hold = new double[n];
    double equity = 1;
    double held = 1;
    boolean holding = false; // the benchmark, once it has bought
    boolean long_ = false;
    double lastClose = Double.NaN;
    double entryEquity = Double.NaN;
    int trades = 0;
    int roundTrips = 0;
    int wins = 0;
    int daysInMarket = 0;
    int steps = 0;
    for (int d = 0; d < n; d++) {
      int s = signal[d];
      if (s < BEARISH || s > BULLISH) {
        throw new IllegalArgumentException(
            "signal must be -1, 0 or 1, was " + s + " at index " + d);
      }
      double c = close[d];
      if (!Double.isNaN(c) && !(c > 0 && c < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "close must be positive and finite or NaN, was " + c + " at index " + d);
      }
      if (!Double.isNaN(c)) {
        // Mark to this close what was held since the last one.
        if (!Double.isNaN(lastClose)) {
          double growth = c / lastClose;
          steps++;
          if (long_) {
            equity *= growth;
            daysInMarket++;
          }
          if (holding) {
            held *= growth;
          }
        }
        if (!holding) {
          holding = true;
          held *= 1 - fee;
        }
        // Then trade at this close on today's signal.
        boolean wantLong = s == BULLISH;
        if (wantLong != long_) {
          if (wantLong) {
            entryEquity = equity; // before the fee: a round trip must earn both fees back
          }
          equity *= 1 - fee;
          trades++;
          if (!wantLong) {
            roundTrips++;
            if (equity > entryEquity) {
              wins++;
            }
          }
          long_ = wantLong;
        }
        lastClose = c;
      }
      strategy[d] = equity;
      hold[d] = held;
    }
    if (long_) {
      roundTrips++; // still open: marked at the last close
      if (equity > entryEquity) {
        wins++;
      }
    }
    return new SignalPerformance(strategy, hold, trades, roundTrips, wins, daysInMarket, steps);
  }
}
