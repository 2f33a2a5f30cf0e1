package dev.ballast.rebalancer.engine;

import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.regime.Regime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one rebalance changes, as a backtest's daily loop reads it: {@link IndexEngine#step} for
 * a run that keeps no decisions, {@link Decision#step()} for one that does. Immutable and
 * thread-safe.
 *
 * @param regime the overlay's regime that day
 * @param stablecoinFraction the share the overlay put in the stablecoin sleeve (0 without it)
 * @param orders the orders, sells first (exact decimals); empty when nothing traded
 * @param feesPaid USD, their fees
 * @param after the holdings after the orders
 */
public record Step(Regime regime, double stablecoinFraction, List<Order> orders,
    BigDecimal feesPaid, Holdings after) {

  public Step {
    Objects.requireNonNull(regime, "regime");
    orders = List.copyOf(orders);
    Objects.requireNonNull(feesPaid, "feesPaid");
    Objects.requireNonNull(after, "after");
  }
}
