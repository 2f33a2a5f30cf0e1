package dev.ballast.rebalancer.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The built-in indices on the shared CoinGecko exports, 2019 to the end of the data and 2022
 * alone. Prints the table of docs/backtesting.md; asserts only what must hold whatever the
 * figures are.
 */
class RealDataBacktestTest {

  @Test
  void builtInIndicesRunFrom2019ToTheEndOfTheData() {
    MarketContext ctx = Contexts.realData();
    LocalDate end = ctx.panel().date(ctx.panel().days() - 1);
    System.out.println("| index | period | total return | CAGR | max drawdown | BTC total | BTC max"
        + " DD | no-overlay total | no-overlay max DD | in stablecoins | rebalances |");
    for (IndexDefinition def : IndexDefinitions.builtIns()) {
      for (LocalDate[] range : new LocalDate[][] {
          {LocalDate.of(2019, 1, 1), end}, {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)}}) {
        BacktestResult r = Backtester.run(def, ctx, range[0], range[1],
            BacktestSettings.defaults(), Progress.NONE);
        assertThat(r.from()).isEqualTo(range[0]);
        assertThat(r.to()).isEqualTo(range[1]);
        assertThat(r.series().get(0).name()).isEqualTo(def.id().value());
        assertThat(r.series(BacktestResult.BTC_BENCHMARK)).isPresent();
        assertThat(r.series(def.id().value() + "-no-overlay").isPresent())
            .isEqualTo(def.regimeOverlay());
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("survivorship bias"));
        assertThat(r.rebalances()).hasSizeGreaterThan(50);
        for (BacktestResult.Series s : r.series()) {
          for (int i = 0; i < r.days(); i++) {
            assertThat(s.value(i)).as("%s %s %d", def.id(), s.name(), i).isPositive();
          }
        }
        Metrics m = r.indexSeries().metrics();
        Metrics btc = r.series(BacktestResult.BTC_BENCHMARK).orElseThrow().metrics();
        Metrics plain = r.series(def.id().value() + "-no-overlay").map(BacktestResult.Series::metrics)
            .orElse(null);
        System.out.printf(Locale.ROOT,
            "| %s | %s..%s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %s | %s | %.0f%% | %d |%n",
            def.id(), r.from(), r.to(), 100 * m.totalReturn(), 100 * m.cagr(),
            100 * m.maxDrawdown(), 100 * btc.totalReturn(), 100 * btc.maxDrawdown(),
            plain == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * plain.totalReturn()),
            plain == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * plain.maxDrawdown()),
            100 * m.timeInStablecoins(), r.rebalances().size());
        SimulatedMarketBacktestTest.print(r);
      }
    }
  }
}
