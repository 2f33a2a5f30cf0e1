package dev.ballast.rebalancer.sleeve;

import dev.ballast.core.asset.AssetId;
import java.util.List;
import java.util.Map;

/**
 * The sleeve on one day: weights of the coins held (fractions of the sleeve), the share the caps
 * left unallocated ({@code cash}: weights plus cash sum to 1), and each coin left out with its
 * reason. Immutable and thread-safe.
 */
public record SleeveWeights(Map<AssetId, Double> weights, double cash, List<String> exclusions) {

  public SleeveWeights {
    weights = Map.copyOf(weights);
    exclusions = List.copyOf(exclusions);
    double sum = cash;
    for (double w : weights.values()) {
      if (!(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException("weights must be in [0, 1], was " + w);
      }
      sum += w;
    }
    if (!(cash >= 0) || Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(
          "weights and cash must sum to 1 with cash >= 0, were " + sum + " with cash " + cash);
    }
  }
}
