package dev.ballast.rebalancer.index;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How selected assets are weighted before caps. Immutable and thread-safe.
 *
 * @param volatilityWindowDays daily returns in the volatility estimate of {@link
 *     Method#INVERSE_VOLATILITY} (ending on the rebalance day, no look-ahead); required for that
 *     method, absent (null) for the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Weighting(Method method, Integer volatilityWindowDays) {

  /** The raw weight of an asset, before normalising and capping. */
  public enum Method {
    /** Market cap in USD on the rebalance day. */
    MARKET_CAP,
    /** One each. */
    EQUAL,
    /** The investor grade (0-100): a graded tilt, not a winner-takes-all. */
    GRADE,
    /** One over the annualised volatility of daily log returns. */
    INVERSE_VOLATILITY
  }

  public Weighting {
    if (method == null) {
      throw new IllegalArgumentException(
          "weighting.method must be one of MARKET_CAP, EQUAL, GRADE, INVERSE_VOLATILITY, was null");
    }
    if (method == Method.INVERSE_VOLATILITY) {
      if (volatilityWindowDays == null || volatilityWindowDays < 2 || volatilityWindowDays > 3660) {
        throw new IllegalArgumentException(
            "weighting.volatilityWindowDays must be in [2, 3660] for INVERSE_VOLATILITY, was "
                + volatilityWindowDays);
      }
    } else if (volatilityWindowDays != null) {
      throw new IllegalArgumentException(
          "weighting.volatilityWindowDays applies to INVERSE_VOLATILITY only, was "
              + volatilityWindowDays + " for " + method);
    }
  }

  public static Weighting of(Method method) {
    return new Weighting(method, null);
  }

  public static Weighting inverseVolatility(int windowDays) {
    return new Weighting(Method.INVERSE_VOLATILITY, windowDays);
  }
}
