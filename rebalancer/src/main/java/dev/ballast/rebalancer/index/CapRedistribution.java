package dev.ballast.rebalancer.index;

/**
 * Normalises raw weights to a sum of 1 under {@link Caps}, redistributing the excess of capped
 * assets over the uncapped ones in proportion to their raw weights, until no weight exceeds its
 * cap. Stateless and thread-safe.
 *
 * <p>The algorithm: with {@code C} the set of capped assets (empty at first), every uncapped asset
 * gets {@code raw_i × (1 − Σ_{j∈C} cap_j) / Σ_{k∉C} raw_k}; any that now exceed their caps join
 * {@code C}; repeat until none does. {@code C} only grows, so it ends within {@code n} rounds
 * (O(n²)). It gives the same answer as "clip and spread the excess, repeat", in fewer rounds,
 * because spreading the excess proportionally is exactly that rescaling.
 */
final class CapRedistribution {

  /** Slack for floating-point sums: caps may add up to 1 − 1e-12 and still count as feasible. */
  static final double TOLERANCE = 1e-12;

  private CapRedistribution() {}

  /**
   * The capped weights, index-aligned with {@code raw}. The asset with the largest raw weight (the
   * first of equals) gets {@code largestCap}, the others {@code otherCap}.
   *
   * @param raw positive finite raw weights, in any units
   * @throws InfeasibleCapsException if the caps of {@code raw.length} assets sum below 1
   * @throws IllegalArgumentException if a raw weight is not positive and finite
   */
  static double[] apply(double[] raw, Caps caps) {
    int n = raw.length;
    int largest = -1;
    for (int i = 0; i < n; i++) {
      if (!(raw[i] > 0) || Double.isInfinite(raw[i])) {
        throw new IllegalArgumentException(
            "raw weight " + i + " must be positive and finite, was " + raw[i]);
      }
      if (largest < 0 || raw[i] > raw[largest]) {
        largest = i;
      }
    }
    if (!caps.feasibleFor(n)) {
      throw new InfeasibleCapsException(n, caps);
    }
    double[] cap = new double[n];
    for (int i = 0; i < n; i++) {
      cap[i] = i == largest ? caps.largestCap() : caps.otherCap();
    }
    boolean[] capped = new boolean[n];
    double[] w = new double[n];
    while (true) {
      double cappedSum = 0;
      double uncappedRaw = 0;
      for (int i = 0; i < n; i++) {
        if (capped[i]) {
          cappedSum += cap[i];
        } else {
          uncappedRaw += raw[i];
        }
      }
      if (uncappedRaw == 0) {
        // Every asset is at its cap; feasibility guarantees the caps sum to (about) 1.
        for (int i = 0; i < n; i++) {
          w[i] = cap[i] / cappedSum;
        }
        return w;
      }
      double scale = Math.max(0, 1 - cappedSum) / uncappedRaw;
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (capped[i]) {
          w[i] = cap[i];
        } else {
          w[i] = raw[i] * scale;
          if (w[i] > cap[i]) {
            capped[i] = true;
            changed = true;
          }
        }
      }
      if (!changed) {
        return w;
      }
    }
  }
}
