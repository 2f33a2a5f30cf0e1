package dev.ballast.core.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The limits of the quantities and USD amounts a portfolio stores, and the checks applied to
 * them on the way in. Quantities (units of an asset) and cash (USD) are {@code BigDecimal} with
 * at most {@value #SCALE} decimals: the columns' scale, so that what is stored is exactly what
 * was asked for. A single deposit or withdrawal is at most {@link #MAX_AMOUNT} (10^15), far above
 * any real holding and far below the columns' capacity, so that sums of them never overflow.
 */
public final class Amounts {

  /** Decimals stored for every quantity and USD amount. */
  public static final int SCALE = 18;

  /** The largest quantity or USD amount one deposit or withdrawal may move: 10^15. */
  public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);

  private Amounts() {}

  /**
   * Checks a quantity or USD amount that a request moves: positive, at most {@link
   * #MAX_AMOUNT}, at most {@value #SCALE} decimals.
   *
   * @return the amount at scale {@value #SCALE}
   * @throws IllegalArgumentException naming {@code field} and the bad value
   */
  public static BigDecimal checkAmount(String field, BigDecimal amount) {
    if (amount == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was " + shortText(amount));
    }
    // compareTo before any plain text: 1e999999999 must not be expanded to a billion digits.
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw new IllegalArgumentException(
          field + " must be at most 1e15, was " + shortText(amount));
    }
    if (amount.stripTrailingZeros().scale() > SCALE) {
      throw new IllegalArgumentException(field + " must have at most " + SCALE
          + " decimals, was " + shortText(amount));
    }
    return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** Rounds a computed amount (a fill's notional or fee) to the stored scale. */
  public static BigDecimal stored(BigDecimal amount, RoundingMode mode) {
    return amount.setScale(SCALE, mode);
  }

  /** A value as short text for messages: never expands a huge exponent. */
  static String shortText(BigDecimal value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  static String quote(String text) {
    if (text == null) {
      return "nothing";
    }
    return '"' + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + '"';
  }
}
