package dev.ballast.rebalancer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketDataVersionDao;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cached market context on H2 and PostgreSQL: built once while the stored market stays as it
 * is, built again after any write of bars, a revised day included.
 */
class MarketContextsIT {

  private static final SimulatedMarket MARKET = SimulatedMarket.generate(new SimulationSettings(
      42, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), 10));
  private static final LocalDate LAST = LocalDate.of(2022, 12, 30);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void readingWithoutWritesKeepsTheContextAndWritingBarsRebuildsIt(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    MarketContexts contexts = new MarketContexts(jdbi,
        new RatingService(jdbi, RatingService.Settings.defaults()), RegimeSettings.defaults());
    MarketDataVersionDao version = jdbi.onDemand(MarketDataVersionDao.class);
    MarketStore store = new MarketStore(jdbi, CLOCK);
    assertThat(contexts.latest()).isEmpty();

    List<PriceSeries> upToLast = new ArrayList<>();
    MARKET.allSeries().forEach(s -> upToLast.add(s.between(s.firstDate(), LAST)));
    store.loadIfEmpty(DatasetOrigin.SIMULATED, "sim", MARKET.assets(), upToLast);
    MarketContext first = contexts.latest().orElseThrow();
    assertThat(newestDay(first)).isEqualTo(LAST);
    long loaded = version.current();

    // Reads alone: the same context, and the version did not move.
    assertThat(contexts.latest()).containsSame(first);
    assertThat(contexts.latest()).containsSame(first);
    assertThat(version.current()).isEqualTo(loaded);

    // A new day of one asset: a new newest day.
    Asset asset = MARKET.assets().get(0);
    PriceSeries full = MARKET.series(asset.id());
    store.writeHistory(asset, full.between(LAST.plusDays(1), LAST.plusDays(1)).bars());
    assertThat(version.current()).isGreaterThan(loaded);
    MarketContext second = contexts.latest().orElseThrow();
    assertThat(second).isNotSameAs(first);
    assertThat(newestDay(second)).isEqualTo(LAST.plusDays(1));
    assertThat(contexts.latest()).containsSame(second);

    // A revised close: the same number of bars and the same newest day, yet another market.
    DailyBar old = full.between(LAST, LAST).bars().get(0);
    DailyBar revised = new DailyBar(old.asset(), old.date(), old.open(), old.high(), old.low(),
        old.close() * 1.01, old.volume(), old.marketCap());
    store.writeHistory(asset, List.of(revised));
    MarketContext third = contexts.latest().orElseThrow();
    assertThat(third).isNotSameAs(second);
    int a = third.panel().indexOf(asset.id());
    assertThat(third.precomputed().columns().close(a, third.panel().dayOf(LAST)))
        .isEqualTo(revised.close());
  }

  private static LocalDate newestDay(MarketContext ctx) {
    return ctx.panel().date(ctx.panel().days() - 1);
  }
}
