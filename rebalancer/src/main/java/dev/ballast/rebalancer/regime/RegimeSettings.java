package dev.ballast.rebalancer.regime;

/**
 * The rules of the regime overlay, every number configurable; {@link #defaults()} are chosen from
 * principle and explained in {@code docs/regime-overlay.md}, not fitted to past years. Windows are
 * in calendar days (crypto trades on all of them). Immutable and thread-safe.
 *
 * <p>Each of three signals votes −1, 0 or +1 each day; the votes add up to a score:
 *
 * <ul>
 *   <li><b>volatility</b>: the market index's realised volatility over {@code volWindow} days,
 *       ranked against its own values of the last {@code volHistory} days (a percentile in [0,
 *       1]); −1 at or above {@code volHighPercentile} (stress), +1 at or below {@code
 *       volLowPercentile} (calm), else 0;
 *   <li><b>trend</b>: the index level against its {@code trendShort}- and {@code trendLong}-day
 *       simple moving averages; +1 when the level and the short average are both above the long
 *       average, −1 when both are below, else 0 (a trend that has not confirmed itself);
 *   <li><b>breadth</b>: the share of coins whose trader grade is above {@code breadthGradeLevel};
 *       +1 at or above {@code breadthHigh}, −1 at or below {@code breadthLow}, else 0. With fewer
 *       than {@code breadthMinCoins} graded coins that day, or no grades at all, breadth votes 0.
 * </ul>
 *
 * The raw regime is RISK_ON when the score is at least {@code riskOnScore}, RISK_OFF when at most
 * {@code riskOffScore}, else NEUTRAL; but once in RISK_ON (RISK_OFF) the raw regime stays there
 * until the score falls {@code exitMargin} below (rises above) its entry threshold: two signals
 * must agree to enter a regime, and it takes more than one signal wavering to leave it. The held regime follows the raw one only after it has been
 * the same for {@code confirmDays} days in a row; a move that adds risk (towards RISK_ON) also
 * waits until the current regime has been held {@code minDaysBeforeAddingRisk} days: quick to
 * defend, slower to re-risk, because every switch costs fees (the sleeve is not cash).
 *
 * @param volWindow days of daily index log returns in the realised volatility (≥ 2)
 * @param volHistory days of past volatility values the percentile ranks against (≥ 2)
 * @param volMinHistory volatility values needed before the percentile is trusted (2..volHistory)
 * @param volHighPercentile percentile (0..1) at and above which volatility votes −1
 * @param volLowPercentile percentile (0..1) at and below which volatility votes +1; below high
 * @param trendShort days of the short moving average of the index level
 * @param trendLong days of the long moving average; above {@code trendShort}
 * @param breadthGradeLevel the trader grade (0..100) a coin must exceed to count as strong
 * @param breadthHigh share (0..1) of strong coins at and above which breadth votes +1
 * @param breadthLow share (0..1) at and below which breadth votes −1; below high
 * @param breadthMinCoins graded coins needed on a day for breadth to vote (≥ 1)
 * @param riskOnScore score (1..3) at and above which the raw regime is RISK_ON
 * @param riskOffScore score (−3..−1) at and below which the raw regime is RISK_OFF
 * @param riskOnFraction stablecoin fraction (0..1) in RISK_ON
 * @param neutralFraction stablecoin fraction in NEUTRAL, between the other two
 * @param riskOffFraction stablecoin fraction in RISK_OFF
 * @param exitMargin how far (0..2) past its entry threshold the score must retreat to leave RISK_ON
 *     or RISK_OFF
 * @param confirmDays consecutive days a new raw regime must last before it is taken (≥ 1)
 * @param minDaysBeforeAddingRisk days a regime must have been held before a move towards RISK_ON
 *     (≥ 0)
 */
public record RegimeSettings(
    int volWindow,
    int volHistory,
    int volMinHistory,
    double volHighPercentile,
    double volLowPercentile,
    int trendShort,
    int trendLong,
    double breadthGradeLevel,
    double breadthHigh,
    double breadthLow,
    int breadthMinCoins,
    int riskOnScore,
    int riskOffScore,
    double riskOnFraction,
    double neutralFraction,
    double riskOffFraction,
    int exitMargin,
    int confirmDays,
    int minDaysBeforeAddingRisk) {

  private static final RegimeSettings DEFAULTS =
      new RegimeSettings(
          30, 365, 90, 0.80, 0.50, 50, 200, 50.0, 0.60, 0.40, 5, 2, -2, 0.0, 0.5, 1.0, 1, 5, 21);

  public RegimeSettings {
    requireAtLeast("volWindow", volWindow, 2);
    requireAtLeast("volHistory", volHistory, 2);
    requireAtLeast("volMinHistory", volMinHistory, 2);
    if (volMinHistory > volHistory) {
      throw new IllegalArgumentException(
          "volMinHistory must be at most volHistory " + volHistory + ", was " + volMinHistory);
    }
    requireFraction("volHighPercentile", volHighPercentile);
    requireFraction("volLowPercentile", volLowPercentile);
    if (volLowPercentile >= volHighPercentile) {
      throw new IllegalArgumentException(
          "volLowPercentile must be below volHighPercentile " + volHighPercentile + ", was "
              + volLowPercentile);
    }
    requireAtLeast("trendShort", trendShort, 1);
    if (trendLong <= trendShort) {
      throw new IllegalArgumentException(
          "trendLong must be above trendShort " + trendShort + ", was " + trendLong);
    }
    if (!(breadthGradeLevel >= 0 && breadthGradeLevel <= 100)) {
      throw new IllegalArgumentException(
          "breadthGradeLevel must be in [0, 100], was " + breadthGradeLevel);
    }
    requireFraction("breadthHigh", breadthHigh);
    requireFraction("breadthLow", breadthLow);
    if (breadthLow >= breadthHigh) {
      throw new IllegalArgumentException(
          "breadthLow must be below breadthHigh " + breadthHigh + ", was " + breadthLow);
    }
    requireAtLeast("breadthMinCoins", breadthMinCoins, 1);
    if (riskOnScore < 1 || riskOnScore > 3) {
      throw new IllegalArgumentException("riskOnScore must be 1 to 3, was " + riskOnScore);
    }
    if (riskOffScore > -1 || riskOffScore < -3) {
      throw new IllegalArgumentException("riskOffScore must be -3 to -1, was " + riskOffScore);
    }
    requireFraction("riskOnFraction", riskOnFraction);
    requireFraction("neutralFraction", neutralFraction);
    requireFraction("riskOffFraction", riskOffFraction);
    if (!(riskOnFraction <= neutralFraction && neutralFraction <= riskOffFraction)) {
      throw new IllegalArgumentException(
          "stablecoin fractions must not fall from RISK_ON to NEUTRAL to RISK_OFF, were "
              + riskOnFraction + " / " + neutralFraction + " / " + riskOffFraction);
    }
    if (exitMargin < 0 || exitMargin > 2) {
      throw new IllegalArgumentException("exitMargin must be 0 to 2, was " + exitMargin);
    }
    requireAtLeast("confirmDays", confirmDays, 1);
    requireAtLeast("minDaysBeforeAddingRisk", minDaysBeforeAddingRisk, 0);
  }

  /** The documented defaults: 30/365-day volatility, 50/200-day trend, 0 / 0.5 / 1.0. */
  public static RegimeSettings defaults() {
    return DEFAULTS;
  }

  /** The stablecoin fraction (0..1) of the index held in {@code regime}. */
  public double stablecoinFraction(Regime regime) {
    return switch (regime) {
      case RISK_ON -> riskOnFraction;
      case NEUTRAL -> neutralFraction;
      case RISK_OFF -> riskOffFraction;
    };
  }

  /** Days before every signal can vote: the long average or the volatility percentile. */
  public int warmUpDays() {
    return Math.max(trendLong, volWindow + volMinHistory);
  }

  public RegimeSettings withFractions(double riskOn, double neutral, double riskOff) {
    return new RegimeSettings(volWindow, volHistory, volMinHistory, volHighPercentile,
        volLowPercentile, trendShort, trendLong, breadthGradeLevel, breadthHigh, breadthLow,
        breadthMinCoins, riskOnScore, riskOffScore, riskOn, neutral, riskOff, exitMargin, confirmDays,
        minDaysBeforeAddingRisk);
  }

  public RegimeSettings withHysteresis(int confirm, int minDaysBeforeRisk) {
    return new RegimeSettings(volWindow, volHistory, volMinHistory, volHighPercentile,
        volLowPercentile, trendShort, trendLong, breadthGradeLevel, breadthHigh, breadthLow,
        breadthMinCoins, riskOnScore, riskOffScore, riskOnFraction, neutralFraction,
        riskOffFraction, exitMargin, confirm, minDaysBeforeRisk);
  }

  public RegimeSettings withWindows(int volWindow, int volHistory, int volMinHistory,
      int trendShort, int trendLong) {
    return new RegimeSettings(volWindow, volHistory, volMinHistory, volHighPercentile,
        volLowPercentile, trendShort, trendLong, breadthGradeLevel, breadthHigh, breadthLow,
        breadthMinCoins, riskOnScore, riskOffScore, riskOnFraction, neutralFraction,
        riskOffFraction, exitMargin, confirmDays, minDaysBeforeAddingRisk);
  }

  private static void requireAtLeast(String field, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
    }
  }

  private static void requireFraction(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }
}
