package dev.ballast.rebalancer.order;

import dev.ballast.core.asset.AssetId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@link OrderPlanner#plan}: the orders (sells first, then buys) and the portfolio
 * they leave. Exact: {@code cashAfter + Σ holdingsAfter × price + feesPaid} equals the value
 * before, to the last digit. Immutable and thread-safe.
 *
 * @param holdingsAfter quantities after the orders, zero quantities left out
 * @param weightsBefore weight of every asset held or targeted before trading (fraction of value)
 * @param weightsAfter the same after trading and fees; cash makes up the rest
 */
public record RebalancePlan(
    List<Order> orders,
    Map<AssetId, BigDecimal> holdingsAfter,
    BigDecimal cashAfter,
    BigDecimal feesPaid,
    Map<AssetId, Double> weightsBefore,
    Map<AssetId, Double> weightsAfter) {

  public RebalancePlan {
    orders = List.copyOf(orders);
    holdingsAfter = Map.copyOf(holdingsAfter);
    Objects.requireNonNull(cashAfter, "cashAfter");
    Objects.requireNonNull(feesPaid, "feesPaid");
    weightsBefore = Map.copyOf(weightsBefore);
    weightsAfter = Map.copyOf(weightsAfter);
  }

  /** Whether there is nothing to trade. */
  public boolean isEmpty() {
    return orders.isEmpty();
  }
}
