package dev.ballast.rebalancer.index;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The risk-sleeve weights of an index on a rebalance day, with the evidence behind them. Weights
 * are fractions summing to 1 (within 1e-9), each within its cap, sorted by weight descending (ties
 * by asset id). Immutable and thread-safe.
 *
 * @param weights the index's holdings and their target weights
 * @param eligibleCount how many assets passed the universe rules
 * @param selected the selected assets in rank order (by market cap or grade)
 * @param exclusions why every other asset with a history is out, including eligible assets that
 *     ranked below the top N
 */
public record TargetWeights(
    IndexId index,
    LocalDate date,
    List<Entry> weights,
    int eligibleCount,
    List<AssetId> selected,
    List<Exclusion> exclusions) {

  /** One holding: its weight after caps, and its share of the raw weights before them. */
  public record Entry(AssetId asset, double weight, double uncappedWeight) {
    public Entry {
      Objects.requireNonNull(asset, "asset");
      if (!(weight >= 0 && weight <= 1 + 1e-9)) {
        throw new IllegalArgumentException("weight of " + asset + " must be in [0, 1], was "
            + weight);
      }
    }
  }

  public TargetWeights {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(date, "date");
    weights = List.copyOf(weights);
    selected = List.copyOf(selected);
    exclusions = List.copyOf(exclusions);
  }

  /** The weights by asset, in the order of {@link #weights()}. */
  public Map<AssetId, Double> asMap() {
    Map<AssetId, Double> map = new LinkedHashMap<>();
    for (Entry e : weights) {
      map.put(e.asset(), e.weight());
    }
    return map;
  }
}
