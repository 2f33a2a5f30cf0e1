package dev.ballast.rebalancer.order;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Conversions of exact decimals for the engine's hot paths. Stateless and thread-safe. */
public final class Decimals {

  /** Powers of ten that a double holds exactly: 10^22 = 2^22 × 5^22, and 5^22 < 2^53. */
  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  private Decimals() {}

  /**
   * {@code x.doubleValue()}, bit for bit, faster for the decimals the engine makes (quantities at
   * 12 decimals, weights at 16 digits): {@code BigDecimal.doubleValue} on Java 17 formats and
   * parses a string unless the unscaled value is below 2^52. When the unscaled value {@code m} has
   * at most 53 bits and the scale {@code s} in [−22, 22], {@code m} and {@code 10^|s|} are exact
   * doubles and IEEE division (or multiplication) rounds their exact quotient to the nearest
   * double, ties to even — which is what {@code doubleValue} returns: the nearest double.
   */
  public static double toDouble(BigDecimal x) {
    int scale = x.scale();
    if (scale >= -22 && scale <= 22) {
      BigInteger unscaled = x.unscaledValue();
      if (unscaled.bitLength() <= 53) {
        long m = unscaled.longValue();
        return scale >= 0 ? m / POWERS[scale] : m * POWERS[-scale];
      }
    }
    return x.doubleValue();
  }
}
