package dev.ballast.rebalancer.engine;

import dev.ballast.core.asset.AssetId;
import dev.ballast.rebalancer.order.RebalancePlan;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.regime.RegimeEvidence;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rebalance decided by {@link IndexEngine#decide}: on which market day, why, in which regime,
 * the weights before, the combined targets, the orders and the holdings they leave. Serialisable
 * with Jackson (with the Java time module for the dates); weight maps iterate by weight
 * descending, then symbol, so their JSON is the same on every run. Immutable and thread-safe.
 *
 * @param marketDay the panel day whose closes the decision read and traded at
 * @param regime the overlay's regime that day (reported also for an index without the overlay,
 *     which ignores it)
 * @param stablecoinFraction the share the overlay put in the stablecoin sleeve (0 without the
 *     overlay); the notes say when an infeasible risk sleeve moved more there
 * @param weightsBefore weights of the assets held before trading, at the day's prices
 * @param targetWeights the combined targets: risk sleeve × (1 − fraction) + stablecoin sleeve ×
 *     fraction; what they leave below 1 is a cash target
 * @param plan the orders and the portfolio after them (exact {@code BigDecimal})
 * @param after the holdings after the orders
 * @param notes what the engine had to decide beyond the rules (infeasible sleeve, stale prices,
 *     empty stablecoin sleeve), in words
 */
public record Decision(
    LocalDate marketDay,
    Trigger trigger,
    String reason,
    Regime regime,
    RegimeEvidence evidence,
    double stablecoinFraction,
    Map<AssetId, Double> weightsBefore,
    Map<AssetId, Double> targetWeights,
    RebalancePlan plan,
    Holdings after,
    List<String> notes) {

  public Decision {
    Objects.requireNonNull(marketDay, "marketDay");
    Objects.requireNonNull(trigger, "trigger");
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(evidence, "evidence");
    if (!(stablecoinFraction >= 0 && stablecoinFraction <= 1)) {
      throw new IllegalArgumentException(
          "stablecoinFraction must be in [0, 1], was " + stablecoinFraction);
    }
    weightsBefore = ordered(weightsBefore);
    targetWeights = ordered(targetWeights);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(after, "after");
    notes = List.copyOf(notes);
  }

  /** What the decision changes, as a backtest's daily loop reads it. */
  public Step step() {
    return new Step(regime, stablecoinFraction, plan.orders(), plan.feesPaid(), after);
  }

  /** {@code weights} by weight descending, then symbol, zero weights dropped; unmodifiable. */
  public static Map<AssetId, Double> orderedWeights(Map<AssetId, Double> weights) {
    return ordered(weights);
  }

  private static Map<AssetId, Double> ordered(Map<AssetId, Double> weights) {
    Map<AssetId, Double> out = new LinkedHashMap<>();
    weights.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue() != 0)
        .sorted(Map.Entry.<AssetId, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(out);
  }
}
