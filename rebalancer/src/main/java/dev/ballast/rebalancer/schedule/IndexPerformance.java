package dev.ballast.rebalancer.schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * A live index's daily value over a range of days, from its stored rebalances and the stored
 * closes, with the return and drawdown over that range. Values in USD; returns and drawdowns are
 * fractions (0.25 is 25%), the drawdown positive. Immutable.
 *
 * @param from the first day with a value (the range's start, or the index's first rebalance)
 * @param maxDrawdown the largest fall from a running peak within the range
 */
public record IndexPerformance(
    LocalDate from,
    LocalDate to,
    double totalReturn,
    double maxDrawdown,
    double volatility,
    int rebalances,
    List<Point> values) {

  public IndexPerformance {
    values = List.copyOf(values);
  }

  /** The index's value at a day's close, and its share held in stablecoins. */
  public record Point(LocalDate date, double value, double stablecoinWeight) {}
}
