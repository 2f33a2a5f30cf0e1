package dev.ballast.ratings.grade;

import java.util.Objects;

/**
 * One factor's part in one grade of one asset on one day. Immutable and thread-safe.
 *
 * @param factor the {@link Factor} name, e.g. {@code ROC_30}
 * @param raw the factor's value in its own unit ({@link Factor#description()}); NaN when the asset
 *     lacks the history for it
 * @param percentile for a ranked factor, the asset's percentile among the coins with a value that
 *     day, 0 (worst) to 100 (best); for a stablecoin factor, its absolute score on the same 0–100
 *     scale; NaN when {@code raw} is
 * @param weight the factor's share of the grade, in [0, 1], after renormalising over the factors
 *     present: 0 for a missing factor, and 0 for all when the asset has no grade that day
 * @param contribution {@code weight × percentile}, grade points; the contributions sum to the grade
 */
public record FactorScore(
    String factor, double raw, double percentile, double weight, double contribution) {

  public FactorScore {
    Objects.requireNonNull(factor, "factor");
    if (!(Double.isNaN(percentile) || (percentile >= 0 && percentile <= 100))) {
      throw new IllegalArgumentException(
          "percentile of " + factor + " must be NaN or in [0, 100], was " + percentile);
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException(
          "weight of " + factor + " must be in [0, 1], was " + weight);
    }
    if (!(contribution >= 0 && contribution <= 100)) {
      throw new IllegalArgumentException(
          "contribution of " + factor + " must be in [0, 100], was " + contribution);
    }
  }
}
