package dev.ballast.rebalancer.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio's value at every daily close of a range, from the stored closes and its ledger.
 * Doubles: this is statistics, not accounting. Deposits and withdrawals are not returns: the
 * drawdown is measured on a time-weighted index that starts at 1 and moves each day by
 * {@code (value − netFlow) / previousValue}, where {@code netFlow} is what was deposited less
 * what was withdrawn that day, valued at the day's close. Immutable.
 *
 * @param maxDrawdown the largest fall of the index from its running peak, in [0, 1]
 * @param totalReturn the index's last value less 1
 */
public record PortfolioHistory(LocalDate from, LocalDate to, List<Point> values,
    double totalReturn, double maxDrawdown) {

  public PortfolioHistory {
    values = List.copyOf(values);
  }

  /**
   * One day.
   *
   * @param value cash plus every holding at the day's close (or the last close before it), USD
   * @param netFlow deposits less withdrawals that day, USD at the day's close
   * @param index the time-weighted index
   * @param drawdown {@code 1 − index / peak index so far}
   * @param unpriced held assets without any close up to that day (left out of the value)
   */
  public record Point(LocalDate date, double value, double netFlow, double index,
      double drawdown, int unpriced) {}
}
