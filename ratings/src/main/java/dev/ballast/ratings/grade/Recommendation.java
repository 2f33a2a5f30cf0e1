package dev.ballast.ratings.grade;

/**
 * A one-word reading of both grades, for people who want a label: never a substitute for the
 * breakdown. See docs/methodology.md, "Zones and recommendations".
 *
 * <p>The rule: the <em>composite</em> is the mean of the trader and the investor grade; it falls
 * into the same bands as {@link TraderZone} (below 20.5 STRONG_SELL, below 40.5 SELL, below 60.5
 * HOLD, below 80.5 BUY, else STRONG_BUY). Equal shares because the two grades answer different
 * questions (is it moving? is it sound?) and neither should be able to carry a label alone: a
 * STRONG_BUY needs both grades above 60. A coin without an investor grade (under about a year of
 * history) is read from its trader grade alone but capped to BUY..SELL, since its risk record is
 * unknown. Without a trader grade (stablecoins, coins with a few weeks of history) it is
 * NOT_RATED.
 */
public enum Recommendation {
  STRONG_SELL,
  SELL,
  HOLD,
  BUY,
  STRONG_BUY,
  NOT_RATED;

  /** The recommendation for a trader and an investor grade, each NaN when absent. */
  public static Recommendation of(double traderGrade, double investorGrade) {
    if (Double.isNaN(traderGrade)) {
      return NOT_RATED;
    }
    if (Double.isNaN(investorGrade)) {
      Recommendation r = band(traderGrade);
      return r == STRONG_BUY ? BUY : r == STRONG_SELL ? SELL : r;
    }
    return band((traderGrade + investorGrade) / 2);
  }

  private static Recommendation band(double composite) {
    return switch (TraderZone.of(composite)) {
      case CRASHING -> STRONG_SELL;
      case LOSING -> SELL;
      case STEADY -> HOLD;
      case GAINING -> BUY;
      case SURGING -> STRONG_BUY;
    };
  }
}
