package dev.ballast.rebalancer.index;

/**
 * How many eligible assets an index holds and how they are ranked. Immutable and thread-safe.
 *
 * @param count the N of "top N", at least 1
 */
public record Selection(Method method, int count) {

  /** Ranking of eligible assets; ties go to the larger market cap. */
  public enum Method {
    TOP_MARKET_CAP,
    TOP_INVESTOR_GRADE
  }

  public static final int MAX_COUNT = 1000;

  public Selection {
    if (method == null) {
      throw new IllegalArgumentException(
          "selection.method must be one of TOP_MARKET_CAP, TOP_INVESTOR_GRADE, was null");
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException(
          "selection.count must be in [1, " + MAX_COUNT + "], was " + count);
    }
  }
}
