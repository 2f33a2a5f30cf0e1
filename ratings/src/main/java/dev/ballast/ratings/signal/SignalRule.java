package dev.ballast.ratings.signal;

/**
 * When a trader grade (0–100) turns the signal bullish (+1), bearish (−1) or neutral (0). Each side
 * has an entry and a looser exit level; the gap between them is the hysteresis that keeps a grade
 * wobbling around one level from flipping the signal every day. Immutable and thread-safe.
 *
 * @param enterLong from neutral, a grade at or above this for {@code confirmDays} days in a row
 *     goes +1 (default 60: the top of the "steady" zone, 41–60)
 * @param exitLong a +1 signal falls back to 0 when the grade drops below this (default 45)
 * @param enterShort from neutral, a grade at or below this for {@code confirmDays} days in a row
 *     goes −1 (default 40: the top of the "losing" zone, 21–40)
 * @param exitShort a −1 signal goes back to 0 when the grade rises above this (default 55)
 * @param confirmDays how many consecutive days an entry level must hold (default 1: enter on the
 *     day of the crossing; 2 waits a day and trades a little later for fewer false starts)
 */
public record SignalRule(
    double enterLong, double exitLong, double enterShort, double exitShort, int confirmDays) {

  private static final SignalRule DEFAULTS = new SignalRule(60, 45, 40, 55, 1);

  public SignalRule {
    requireGrade("enterLong", enterLong);
    requireGrade("exitLong", exitLong);
    requireGrade("enterShort", enterShort);
    requireGrade("exitShort", exitShort);
    if (exitLong >= enterLong) {
      throw new IllegalArgumentException(
          "exitLong must be below enterLong (that gap is the hysteresis), was "
              + exitLong
              + " >= "
              + enterLong);
    }
    if (exitShort <= enterShort) {
      throw new IllegalArgumentException(
          "exitShort must be above enterShort (that gap is the hysteresis), was "
              + exitShort
              + " <= "
              + enterShort);
    }
    if (enterShort >= enterLong) {
      throw new IllegalArgumentException(
          "enterShort must be below enterLong, or one grade would be both bullish and bearish,"
              + " was "
              + enterShort
              + " >= "
              + enterLong);
    }
    if (confirmDays < 1) {
      throw new IllegalArgumentException("confirmDays must be at least 1, was " + confirmDays);
    }
  }

  /** Enter +1 at 60, leave below 45; enter −1 at 40, leave above 55; no confirmation day. */
  public static SignalRule defaults() {
    return DEFAULTS;
  }

  public SignalRule withConfirmDays(int days) {
    return new SignalRule(enterLong, exitLong, enterShort, exitShort, days);
  }

  private static void requireGrade(String name, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be a grade in [0, 100], was " + value);
    }
  }
}
