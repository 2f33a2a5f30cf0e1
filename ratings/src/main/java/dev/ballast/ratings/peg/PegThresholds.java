package dev.ballast.ratings.peg;

/**
 * The bands and windows of the peg rules. Deviations are fractions of the peg ({@code 0.005} is
 * 0.5%), compared by magnitude: a premium breaks a peg as a discount does. A close or intraday
 * extreme <em>trips</em> a band only when it is that far from <em>both</em> references, the peg
 * target and the other stablecoins' consensus (when there is one), so that a move of the USD
 * reference itself, which shifts every stablecoin together, trips nothing. Immutable and
 * thread-safe; see {@code docs/methodology.md} for why each default.
 *
 * @param watchDeviation a close this far off both references makes the day WATCH (default 0.75%:
 *     above the calm noise of daily closes, ±0.2–0.3% for the big fiat-backed coins and up to ±0.6%
 *     for crypto-backed ones, whose normal band is wider by design)
 * @param depegDeviation a close this far off makes the day DEPEG (default 2%: a redeemable coin
 *     that far off is not being arbitraged back; USDC and DAI closed 3.4% off on 2023-03-11)
 * @param watchIntraday a daily low or high this far off makes the day WATCH (default 1%: ranges are
 *     wider than closes, the simulated calm ranges reach 0.9%)
 * @param depegIntraday a daily low or high this far off makes the day DEPEG (default 5%: USDC's
 *     0.87 low of 2023-03-11 was 13% off)
 * @param persistenceDays this many off-peg days (WATCH or worse on their own) within the last
 *     {@code persistenceWindow} days make the day DEPEG, even if it is back inside the bands
 *     (default 3): a peg that keeps slipping is not held
 * @param persistenceWindow the window of {@code persistenceDays}, calendar days including the day
 *     itself (default 7); it is also the cool-down: a day back inside the bands within this window
 *     after a day that was DEPEG on its own prices is WATCH, not ON_PEG, so that a sleeve does not
 *     rotate back into a coin the day after it broke
 * @param maxCapDrop30d a market cap that fell by more than this fraction over 30 days raises the
 *     liquidity warning (default 0.5: a coin being redeemed away)
 * @param minVolumeToCap a 30-day median of daily volume over market cap below this raises the
 *     liquidity warning (default 0.0005, 0.05% of the supply a day)
 * @param minNonUsdWitnesses how many other stablecoins of the same non-USD peg it takes to judge a
 *     peg that has no price in the bars (default 2: with one other coin a gap between the two
 *     cannot say which one moved)
 */
public record PegThresholds(
    double watchDeviation,
    double depegDeviation,
    double watchIntraday,
    double depegIntraday,
    int persistenceDays,
    int persistenceWindow,
    double maxCapDrop30d,
    double minVolumeToCap,
    int minNonUsdWitnesses) {

  /** The longest persistence window: the compact history keeps 30-day windows. */
  public static final int MAX_WINDOW = 30;

  private static final PegThresholds DEFAULTS =
      new PegThresholds(0.0075, 0.02, 0.01, 0.05, 3, 7, 0.5, 0.0005, 2);

  public PegThresholds {
    requireFraction("watchDeviation", watchDeviation);
    requireFraction("depegDeviation", depegDeviation);
    requireFraction("watchIntraday", watchIntraday);
    requireFraction("depegIntraday", depegIntraday);
    if (watchDeviation >= depegDeviation) {
      throw new IllegalArgumentException(
          "watchDeviation must be below depegDeviation, was "
              + watchDeviation
              + " >= "
              + depegDeviation);
    }
    if (watchIntraday >= depegIntraday) {
      throw new IllegalArgumentException(
          "watchIntraday must be below depegIntraday, was "
              + watchIntraday
              + " >= "
              + depegIntraday);
    }
    // A low or high is never nearer the peg than the close it brackets, so a narrower intraday
    // band would flag days whose close is fine more readily than days whose close is not.
    if (watchIntraday < watchDeviation || depegIntraday < depegDeviation) {
      throw new IllegalArgumentException(
          "intraday bands must be at least the close bands, were watch "
              + watchIntraday
              + " < "
              + watchDeviation
              + " or depeg "
              + depegIntraday
              + " < "
              + depegDeviation);
    }
    if (persistenceWindow < 1 || persistenceWindow > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "persistenceWindow must be in [1, " + MAX_WINDOW + "] days, was " + persistenceWindow);
    }
    if (persistenceDays < 1 || persistenceDays > persistenceWindow) {
      throw new IllegalArgumentException(
          "persistenceDays must be in [1, persistenceWindow = "
              + persistenceWindow
              + "], was "
              + persistenceDays);
    }
    if (!(maxCapDrop30d > 0 && maxCapDrop30d <= 1)) {
      throw new IllegalArgumentException("maxCapDrop30d must be in (0, 1], was " + maxCapDrop30d);
    }
    if (!(minVolumeToCap >= 0 && minVolumeToCap < 1)) {
      throw new IllegalArgumentException("minVolumeToCap must be in [0, 1), was " + minVolumeToCap);
    }
    if (minNonUsdWitnesses < 1) {
      throw new IllegalArgumentException(
          "minNonUsdWitnesses must be at least 1, was " + minNonUsdWitnesses);
    }
  }

  /** The documented defaults. */
  public static PegThresholds defaults() {
    return DEFAULTS;
  }

  public PegThresholds withCloseBands(double watch, double depeg) {
    return new PegThresholds(
        watch,
        depeg,
        Math.max(watch, watchIntraday),
        Math.max(depeg, depegIntraday),
        persistenceDays,
        persistenceWindow,
        maxCapDrop30d,
        minVolumeToCap,
        minNonUsdWitnesses);
  }

  public PegThresholds withPersistence(int days, int window) {
    return new PegThresholds(
        watchDeviation,
        depegDeviation,
        watchIntraday,
        depegIntraday,
        days,
        window,
        maxCapDrop30d,
        minVolumeToCap,
        minNonUsdWitnesses);
  }

  private static void requireFraction(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), was " + value);
    }
  }
}
