package dev.ballast.rebalancer.backtest;

import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backtest's outcome: the index's curve and metrics first, then each benchmark's, the index's
 * rebalances and the warnings a reader must see. Written as JSON by {@link BacktestJson} and as a
 * report by {@link BacktestReport}. Immutable (the curves are copied in and out) and thread-safe.
 *
 * @param from the first simulated day (the inception)
 * @param to the last simulated day
 * @param series the index first, then the benchmarks; every curve has one value per day
 * @param rebalances the index's decisions, in date order, the inception first
 */
public record BacktestResult(
    IndexDefinition definition,
    LocalDate from,
    LocalDate to,
    List<Series> series,
    List<Decision> rebalances,
    List<String> warnings) {

  /** The name of the BTC buy-and-hold benchmark. */
  public static final String BTC_BENCHMARK = "btc-buy-and-hold";

  public BacktestResult {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    series = List.copyOf(series);
    rebalances = List.copyOf(rebalances);
    warnings = List.copyOf(warnings);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("series must hold at least the index");
    }
    int days = Math.toIntExact(to.toEpochDay() - from.toEpochDay() + 1);
    for (Series s : series) {
      if (s.equity.length != days) {
        throw new IllegalArgumentException(
            "series " + s.name + " has " + s.equity.length + " days, expected " + days);
      }
    }
  }

  public IndexId index() {
    return definition.id();
  }

  /** The number of days simulated. */
  public int days() {
    return series.get(0).equity.length;
  }

  /** The index's own curve and metrics. */
  public Series indexSeries() {
    return series.get(0);
  }

  /** A curve by name (the index's id, {@value #BTC_BENCHMARK}, {@code <id>-no-overlay}). */
  public Optional<Series> series(String name) {
    return series.stream().filter(s -> s.name.equals(name)).findFirst();
  }

  /**
   * One curve: value in USD at each day's close from {@code from}, and the stablecoins' share of
   * it.
   *
   * @param description one line for a report's legend
   */
  public record Series(String name, String description, double[] equity,
      double[] stablecoinWeight, Metrics metrics) {

    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(metrics, "metrics");
      equity = equity.clone();
      stablecoinWeight = stablecoinWeight.clone();
      if (equity.length != stablecoinWeight.length) {
        throw new IllegalArgumentException("equity and stablecoinWeight differ in length");
      }
    }

    @Override
    public double[] equity() {
      return equity.clone();
    }

    @Override
    public double[] stablecoinWeight() {
      return stablecoinWeight.clone();
    }

    /** The value at the close of the {@code i}-th day. */
    public double value(int i) {
      return equity[i];
    }

    /** The stablecoins' share at the close of the {@code i}-th day. */
    public double stablecoinWeight(int i) {
      return stablecoinWeight[i];
    }
  }
}
