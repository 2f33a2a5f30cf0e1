package dev.ballast.core.portfolio;

import dev.ballast.core.asset.AssetId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Target weights an owner sets for a portfolio: fractions of its value per asset, each in
 * [0, 1], summing to 1 within {@value #SUM_TOLERANCE}, at most {@value #MAX_ENTRIES} assets.
 * Doubles, as every weight in Ballast (they are ratios, not money). Whether the assets exist is
 * checked where the assets are known. Immutable and thread-safe; sorted by symbol.
 */
public record CustomWeights(Map<AssetId, Double> weights) {

  public static final int MAX_ENTRIES = 100;
  public static final double SUM_TOLERANCE = 1e-9;

  public CustomWeights {
    Objects.requireNonNull(weights, "weights");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("weights must name at least one asset");
    }
    if (weights.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "weights may name at most " + MAX_ENTRIES + " assets, was " + weights.size());
    }
    TreeMap<AssetId, Double> sorted = new TreeMap<>();
    double sum = 0;
    for (Map.Entry<AssetId, Double> e : weights.entrySet()) {
      Objects.requireNonNull(e.getKey(), "asset");
      Double w = e.getValue();
      if (w == null || !(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException(
            "weight of " + e.getKey() + " must be in [0,1], was " + w);
      }
      sum += w;
      sorted.put(e.getKey(), w);
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("weights must sum to 1 (within 1e-9), was " + sum);
    }
    weights = Collections.unmodifiableSortedMap(sorted);
  }
}
