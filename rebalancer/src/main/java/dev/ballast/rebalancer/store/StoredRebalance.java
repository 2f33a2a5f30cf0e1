package dev.ballast.rebalancer.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.regime.Regime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rebalance of a live index as stored. Money and quantities are {@code BigDecimal} (USD and
 * units); weights are fractions of the index's value. The regime's evidence and the orders are
 * kept as the JSON the engine produced ({@code evidenceJson}, {@code ordersJson}) so that what is
 * shown later is exactly what was decided. Immutable.
 *
 * @param id the database's id, 0 before it is stored
 * @param slot the instant the rebalance belongs to (see {@code V6__create_indices.sql}); empty for
 *     a manual rebalance
 * @param marketDay the day whose closes the rebalance decided and traded at
 */
public record StoredRebalance(
    long id,
    IndexId index,
    Trigger trigger,
    Optional<Instant> slot,
    String reason,
    Instant executedAt,
    LocalDate marketDay,
    Regime regime,
    double stablecoinFraction,
    String evidenceJson,
    Map<AssetId, Double> weightsBefore,
    Map<AssetId, Double> weightsAfter,
    String ordersJson,
    List<String> notes,
    BigDecimal fees,
    BigDecimal valueBefore,
    BigDecimal valueAfter,
    BigDecimal cashAfter,
    Map<AssetId, BigDecimal> holdings) {

  public StoredRebalance {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(slot, "slot");
    if (slot.isPresent() == (trigger == Trigger.MANUAL)) {
      throw new IllegalArgumentException(
          "a " + trigger + " rebalance " + (slot.isPresent() ? "has no" : "needs a") + " slot");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(executedAt, "executedAt");
    Objects.requireNonNull(marketDay, "marketDay");
    Objects.requireNonNull(regime, "regime");
    weightsBefore = Map.copyOf(weightsBefore);
    weightsAfter = Map.copyOf(weightsAfter);
    notes = List.copyOf(notes);
    holdings = Map.copyOf(holdings);
    for (Map.Entry<AssetId, BigDecimal> h : holdings.entrySet()) {
      if (h.getValue().signum() <= 0) {
        throw new IllegalArgumentException(
            "holding of " + h.getKey() + " must be positive, was " + h.getValue());
      }
    }
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(valueBefore, "valueBefore");
    Objects.requireNonNull(valueAfter, "valueAfter");
    Objects.requireNonNull(cashAfter, "cashAfter");
  }
}
