package dev.ballast.rebalancer.backtest;

import dev.ballast.rebalancer.engine.EngineSettings;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How to run a backtest beyond the definition. Immutable and thread-safe.
 *
 * @param initialCapital USD in cash on the first day, positive
 * @param engine the regime and sleeve rules (the context's regimes must use the same)
 * @param benchmarks whether to compute BTC buy-and-hold and the no-overlay variant in the same
 *     run; a parameter sweep turns them off
 */
public record BacktestSettings(BigDecimal initialCapital, EngineSettings engine,
    boolean benchmarks) {

  /** One million dollars: large enough that the minimum trade and quantity rounding are noise. */
  public static final BigDecimal DEFAULT_CAPITAL = BigDecimal.valueOf(1_000_000);

  public BacktestSettings {
    Objects.requireNonNull(initialCapital, "initialCapital");
    Objects.requireNonNull(engine, "engine");
    if (initialCapital.signum() <= 0) {
      throw new IllegalArgumentException(
          "initialCapital must be positive, was " + initialCapital.toPlainString());
    }
  }

  public static BacktestSettings defaults() {
    return new BacktestSettings(DEFAULT_CAPITAL, EngineSettings.defaults(), true);
  }

  public BacktestSettings withInitialCapital(BigDecimal capital) {
    return new BacktestSettings(capital, engine, benchmarks);
  }

  public BacktestSettings withBenchmarks(boolean on) {
    return new BacktestSettings(initialCapital, engine, on);
  }
}
