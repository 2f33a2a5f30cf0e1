package dev.ballast.rebalancer.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a live index held on a day, valued at that day's closes (the last known close where the
 * day has none). Quantities and values are exact decimals (units, USD); weights are fractions of
 * {@code value}. Immutable.
 *
 * @param rebalanceId the rebalance whose holdings these are
 * @param rebalancedOn that rebalance's market day
 */
public record IndexHoldings(
    LocalDate date,
    long rebalanceId,
    LocalDate rebalancedOn,
    BigDecimal value,
    BigDecimal cash,
    double cashWeight,
    List<Position> positions) {

  public IndexHoldings {
    positions = List.copyOf(positions);
  }

  /** One asset held: quantity, the day's price, value and weight. */
  public record Position(
      String symbol, BigDecimal quantity, BigDecimal price, BigDecimal value, double weight,
      boolean stablecoin) {}
}
