package dev.ballast.rebalancer.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scrambles every bar after a day and backtests again from scratch (new grades, pegs and
 * regimes): every decision and every value up to that day must be identical, so nothing after
 * the day reached it.
 */
class NoLookAheadTest {

  private static final LocalDate FROM = LocalDate.of(2021, 6, 1);
  private static final LocalDate CUT = LocalDate.of(2022, 5, 9); // inside the SIMALGO collapse
  private static final LocalDate TO = LocalDate.of(2022, 12, 31);

  @Test
  void barsAfterADayDoNotChangeAnythingUpToIt() {
    SimulatedMarket market = SimulatedMarket.generate(SimulationSettings.defaults());
    SimulationSettings s = market.settings();
    MarketContext real = Contexts.simulated();
    List<PriceSeries> scrambled = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(1);
    for (PriceSeries series : market.allSeries()) {
      PriceSeries.Builder b = PriceSeries.builder(series.asset(), series.size());
      for (int i = 0; i < series.size(); i++) {
        if (!series.date(i).isAfter(CUT)) {
          b.add(series.bar(i));
          continue;
        }
        double close = series.close(i) * Math.exp(random.nextDouble(-1, 1));
        b.add(series.date(i), close, close * 1.1, close * 0.9, close,
            series.volume(i) * random.nextDouble(0, 3), series.marketCap(i) * random.nextDouble());
      }
      scrambled.add(b.build());
    }
    MarketContext future = Contexts.of(market.assets(), scrambled, s.start(), s.end());

    for (IndexDefinition def : IndexDefinitions.builtIns()) {
      BacktestResult a = Backtester.run(def, real, FROM, TO, BacktestSettings.defaults(),
          Progress.NONE);
      BacktestResult b = Backtester.run(def, future, FROM, TO, BacktestSettings.defaults(),
          Progress.NONE);
      int upTo = (int) (CUT.toEpochDay() - FROM.toEpochDay());
      for (int k = 0; k < a.series().size(); k++) {
        for (int i = 0; i <= upTo; i++) {
          assertThat(b.series().get(k).value(i)).as("%s %s day %d", def.id(),
              a.series().get(k).name(), i).isEqualTo(a.series().get(k).value(i));
        }
      }
      List<Decision> before = a.rebalances().stream()
          .filter(d -> !d.marketDay().isAfter(CUT)).toList();
      assertThat(before).hasSizeGreaterThan(40);
      assertThat(b.rebalances().subList(0, before.size())).as(def.id().value())
          .isEqualTo(before);
      // And the scrambling did change what came after: the test can fail.
      assertThat(b.indexSeries().value(a.days() - 1))
          .isNotEqualTo(a.indexSeries().value(a.days() - 1));
    }
  }
}
