package dev.ballast.ratings.signal;

/**
 * What following a signal would have earned, next to buying and holding over the same days. The
 * equity curves start at 1 and are index-aligned with the closes; returns and drawdowns are
 * fractions ({@code 0.25} is +25%, a drawdown of {@code 0.4} is a 40% fall). Immutable and
 * thread-safe: the curve accessors return copies.
 */
public final class SignalPerformance {

  private final double[] strategyEquity;
  private final double[] holdEquity;
  private final int trades;
  private final int roundTrips;
  private final int winningRoundTrips;
  private final int daysInMarket;
  private final int days;

  SignalPerformance(
      double[] strategyEquity,
      double[] holdEquity,
      int trades,
      int roundTrips,
      int winningRoundTrips,
      int daysInMarket,
      int days) {
    this.strategyEquity = strategyEquity;
    this.holdEquity = holdEquity;
    this.trades = trades;
    this.roundTrips = roundTrips;
    this.winningRoundTrips = winningRoundTrips;
    this.daysInMarket = daysInMarket;
    this.days = days;
  }

  /** The value of 1 following the signal, after fees, at each close. */
  public double[] strategyEquity() {
    return strategyEquity.clone();
  }

  /** The value of 1 bought at the first close and held, after the one entry fee. */
  public double[] holdEquity() {
    return holdEquity.clone();
  }

  public double strategyReturn() {
    return last(strategyEquity) - 1;
  }

  public double holdReturn() {
    return last(holdEquity) - 1;
  }

  /** Buys plus sells, each of which paid the fee. */
  public int trades() {
    return trades;
  }

  /** Completed or still open holdings (an open one is marked at the last close). */
  public int roundTrips() {
    return roundTrips;
  }

  /** The share of round trips that made money after fees; NaN with none. */
  public double hitRate() {
    return roundTrips == 0 ? Double.NaN : (double) winningRoundTrips / roundTrips;
  }

  public double strategyMaxDrawdown() {
    return maxDrawdown(strategyEquity);
  }

  public double holdMaxDrawdown() {
    return maxDrawdown(holdEquity);
  }

  /** The share of day-to-day steps spent long; NaN with no step. */
  public double exposure() {
    return days == 0 ? Double.NaN : (double) daysInMarket / days;
  }

  private static double last(double[] equity) {
    return equity.length == 0 ? 1 : equity[equity.length - 1];
  }

  private static double maxDrawdown(double[] equity) {
    double peak = Double.NEGATIVE_INFINITY;
    double worst = 0;
    for (double e : equity) {
      peak = Math.max(peak, e);
      worst = Math.max(worst, 1 - e / peak);
    }
    return worst;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "SignalPerformance[strategy %+.2f%%, hold %+.2f%%, %d trades, hit rate %.2f,"
            + " max drawdown %.2f%% vs %.2f%%]",
        strategyReturn() * 100,
        holdReturn() * 100,
        trades,
        hitRate(),
        strategyMaxDrawdown() * 100,
        holdMaxDrawdown() * 100);
  }
}
