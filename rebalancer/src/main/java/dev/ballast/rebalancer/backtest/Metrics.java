package dev.ballast.rebalancer.backtest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Performance of one equity curve, with the JSON names scripts read. Fractions, not percent
 * ({@code 0.25} is 25%); {@code NaN} where a figure is undefined (a flat curve has no Sharpe),
 * written as JSON {@code null}. Formulas in {@code docs/backtesting.md}. Immutable and
 * thread-safe.
 *
 * <p>With {@code V₀} the initial capital, {@code V₁..Vₙ} the values at the closes of the
 * {@code n} days and {@code rₜ = Vₜ / Vₜ₋₁ − 1}:
 *
 * @param totalReturn {@code Vₙ / V₀ − 1}
 * @param cagr {@code (Vₙ / V₀)^(365 / n) − 1}: crypto trades every day, so a year is 365 days
 * @param volatility sample standard deviation of the {@code rₜ} × √365
 * @param sharpe {@code mean(r) × 365 / volatility}, risk-free rate 0 (stablecoin yield is not
 *     modelled, so 0 is what the sleeve earns here)
 * @param sortino {@code mean(r) × 365 / (√(Σ min(rₜ, 0)² / n) × √365)}, target 0
 * @param maxDrawdown the largest fall from a running peak (the capital included), as a
 *     <b>positive</b> fraction: 0.62 is a 62% fall
 * @param calmar {@code cagr / maxDrawdown}
 * @param turnover annualised one-way turnover: {@code Σ |notional| / 2} of every rebalance after
 *     the inception, over the average value, × 365 / n (1.0: the whole index replaced once a year)
 * @param feesPaid USD, the inception's included
 * @param timeInStablecoins the average weight of stablecoins over the days (0.5: half the value
 *     half the time, or all of it half the time), at the closes
 * @param finalValue {@code Vₙ} in USD
 */
@JsonPropertyOrder({"start", "end", "totalReturn", "cagr", "volatility", "sharpe", "sortino",
    "maxDrawdown", "calmar", "turnover", "feesPaid", "timeInStablecoins", "finalValue"})
public record Metrics(
    LocalDate start,
    LocalDate end,
    double totalReturn,
    double cagr,
    double volatility,
    double sharpe,
    double sortino,
    double maxDrawdown,
    double calmar,
    double turnover,
    double feesPaid,
    double timeInStablecoins,
    double finalValue) {

  static final double DAYS_PER_YEAR = 365;

  public Metrics {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /**
   * The metrics of a curve.
   *
   * @param capital the value before the first day (V₀)
   * @param equity the value at each day's close, one per day from {@code start}
   * @param tradedNotional Σ |notional| of the rebalances after the inception
   * @param stablecoinWeight the stablecoins' share of the value at each close
   */
  public static Metrics of(LocalDate start, double capital, double[] equity,
      double tradedNotional, double feesPaid, double[] stablecoinWeight) {
    int n = equity.length;
    if (n == 0) {
      throw new IllegalArgumentException("equity must have at least one day");
    }
    if (!(capital > 0)) {
      throw new IllegalArgumentException("capital must be positive, was " + capital);
    }
    double sum = 0;
    double downside = 0;
    double peak = capital;
    double maxDrawdown = 0;
    double valueSum = 0;
    double prev = capital;
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      double v = equity[t];
      r[t] = v / prev - 1;
      sum += r[t];
      downside += Math.min(r[t], 0) * Math.min(r[t], 0);
      peak = Math.max(peak, v);
      maxDrawdown = Math.max(maxDrawdown, 1 - v / peak);
      valueSum += v;
      prev = v;
    }
    double mean = sum / n;
    double var = 0;
    for (double x : r) {
      var += (x - mean) * (x - mean);
    }
    double volatility = n > 1 ? Math.sqrt(var / (n - 1) * DAYS_PER_YEAR) : Double.NaN;
    double downsideDev = Math.sqrt(downside / n * DAYS_PER_YEAR);
    double total = equity[n - 1] / capital - 1;
    double cagr = Math.pow(equity[n - 1] / capital, DAYS_PER_YEAR / n) - 1;
    double stable = 0;
    for (double w : stablecoinWeight) {
      stable += w;
    }
    return new Metrics(
        start,
        start.plusDays(n - 1L),
        total,
        cagr,
        volatility,
        ratio(mean * DAYS_PER_YEAR, volatility),
        ratio(mean * DAYS_PER_YEAR, downsideDev),
        maxDrawdown,
        ratio(cagr, maxDrawdown),
        tradedNotional / 2 / (valueSum / n) * DAYS_PER_YEAR / n,
        feesPaid,
        stablecoinWeight.length == 0 ? 0 : stable / stablecoinWeight.length,
        equity[n - 1]);
  }

  private static double ratio(double a, double b) {
    return b > 0 ? a / b : Double.NaN;
  }
}
