package dev.ballast.core.market.sim;

import java.util.SplittableRandom;

/**
 * Random draws built only on {@link SplittableRandom#nextDouble()} and {@link StrictMath}, so the
 * data are identical on every JVM and platform ({@code nextGaussian} and {@code Math.log} are not
 * specified to the last bit).
 */
final class Shocks {

  /** Degrees of freedom of the Student-t innovations: fat tails like daily crypto returns. */
  static final int T_DOF = 4;

  /** A t(4) variable has variance 4 / (4 - 2) = 2; this scales it to unit variance. */
  private static final double T4_TO_UNIT = StrictMath.sqrt((T_DOF - 2) / (double) T_DOF);

  /**
   * Shocks are cut at ±6 standard deviations (about one draw in a thousand is cut): t(4) has no
   * finite fourth moment, and one 15-sigma day would otherwise dominate every statistic of a path.
   * Six sigma at crash volatility is still a 36% day.
   */
  static final double MAX_SHOCK = 6;

  private Shocks() {}

  /** A standard normal draw (Marsaglia's polar method; the second value is dropped). */
  static double normal(SplittableRandom rng) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
  }

  /**
   * A Student-t draw with {@value #T_DOF} degrees of freedom, scaled to unit variance and cut at
   * ±{@value #MAX_SHOCK}. Uses chi-squared(4) = -2 ln(U1 U2), which needs no gamma sampler.
   */
  static double studentT(SplittableRandom rng) {
    double chiSquared;
    do {
      chiSquared = -2 * StrictMath.log((1 - rng.nextDouble()) * (1 - rng.nextDouble()));
    } while (chiSquared == 0);
    double t = normal(rng) / StrictMath.sqrt(chiSquared / T_DOF) * T4_TO_UNIT;
    return clamp(t, -MAX_SHOCK, MAX_SHOCK);
  }

  static double uniform(SplittableRandom rng, double from, double to) {
    return from + (to - from) * rng.nextDouble();
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
