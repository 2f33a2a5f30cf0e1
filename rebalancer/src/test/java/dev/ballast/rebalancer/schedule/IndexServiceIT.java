package dev.ballast.rebalancer.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.ratings.peg.PegStatus;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.regime.RegimeSettings;
import dev.ballast.rebalancer.store.RebalanceDao;
import dev.ballast.rebalancer.store.StoredRebalance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live indices on a real database (H2 file and PostgreSQL): rebalances are stored with their
 * holdings, a slot is rebalanced at most once — also when two callers race, and when the service's
 * own check is bypassed — missed slots are caught up, and a depegged stablecoin is rotated out.
 */
class IndexServiceIT {

  private static final SimulatedMarket MARKET = SimulatedMarket.generate(new SimulationSettings(
      42, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31), 12));
  private static final IndexId TOP10 = IndexId.of("top10-mcap");
  /** top10-mcap's minimum trade, in USD. */
  private static final double MIN_TRADE =
      IndexDefinitions.builtIn("top10-mcap").minTradeUsd().doubleValue();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  private record Fixture(Jdbi jdbi, MarketContexts contexts, IndexService service) {
    long count() {
      return jdbi.withExtension(RebalanceDao.class, dao -> dao.count(TOP10));
    }
  }

  /** A database holding the simulated market up to {@code lastDay}, with the built-ins. */
  private static Fixture fixture(TestDatabase.Engine engine, LocalDate lastDay) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    List<PriceSeries> series = new ArrayList<>();
    MARKET.allSeries().forEach(s -> series.add(s.between(s.firstDate(), lastDay)));
    new MarketStore(jdbi, CLOCK).loadIfEmpty(DatasetOrigin.SIMULATED, "sim", MARKET.assets(),
        series);
    MarketContexts contexts = new MarketContexts(jdbi,
        new RatingService(jdbi, RatingService.Settings.defaults()), RegimeSettings.defaults());
    IndexService service = new IndexService(jdbi, contexts, CLOCK, IndexService.Settings.defaults());
    assertThat(service.installBuiltIns()).isEqualTo(IndexDefinitions.BUILT_IN_IDS.size());
    return new Fixture(jdbi, contexts, service);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aScheduledSlotIsRebalancedOnceAndStoredExactly(TestDatabase.Engine engine) {
    Fixture fixture = fixture(engine, LocalDate.of(2023, 12, 31));
    IndexService service = fixture.service();
    assertThat(service.installBuiltIns()).isZero();
    Instant monday = Instant.parse("2023-06-05T00:00:00Z");

    IndexService.Outcome first = service.scheduled(TOP10, monday.plusSeconds(90));
    IndexService.Outcome again = service.scheduled(TOP10, monday);

    assertThat(first).isInstanceOf(IndexService.Executed.class);
    StoredRebalance r = ((IndexService.Executed) first).rebalance();
    assertThat(r.slot()).contains(monday);
    assertThat(r.marketDay()).isEqualTo(LocalDate.of(2023, 6, 4));
    assertThat(r.trigger()).isEqualTo(Trigger.SCHEDULED);
    assertThat(r.valueBefore()).isEqualByComparingTo("1000000");
    // Value is conserved exactly less fees: cash + holdings at the day's closes + fees.
    assertThat(r.valueAfter().add(r.fees())).isEqualByComparingTo(r.valueBefore());
    assertThat(r.fees()).isPositive();
    assertThat(again).isEqualTo(new IndexService.AlreadyDone(TOP10, Trigger.SCHEDULED, monday));
    StoredRebalance stored = service.latestRebalance(TOP10).orElseThrow();
    assertThat(stored).isEqualTo(r);
    assertThat(fixture.count()).isEqualTo(1);

    IndexHoldings holdings = service.holdings(TOP10, Optional.of(LocalDate.of(2023, 6, 4)))
        .orElseThrow();
    // Stored money has 12 decimals; the holdings are valued from the stored quantities.
    assertThat(holdings.value()).isCloseTo(r.valueAfter(), Offset.offset(new BigDecimal("1e-9")));
    assertThat(holdings.positions()).hasSize(r.holdings().size());
    double weights = holdings.cashWeight();
    for (IndexHoldings.Position p : holdings.positions()) {
      weights += p.weight();
    }
    assertThat(weights).isCloseTo(1.0, Offset.offset(1e-9));
    assertThat(service.holdings(TOP10, Optional.of(LocalDate.of(2023, 6, 3)))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void twoSchedulersFiringTheSameSlotTogetherRebalanceOnce(TestDatabase.Engine engine)
      throws Exception {
    Fixture fixture = fixture(engine, LocalDate.of(2023, 12, 31));
    IndexService service = fixture.service();
    Instant slot = Instant.parse("2023-09-04T00:00:00Z");
    int callers = 4;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<IndexService.Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<IndexService.Outcome> fire = () -> {
          start.await();
          return service.rebalance(TOP10, Trigger.SCHEDULED, Optional.of(slot), "scheduled");
        };
        outcomes.add(pool.submit(fire));
      }
      int executed = 0;
      int alreadyDone = 0;
      for (Future<IndexService.Outcome> f : outcomes) {
        IndexService.Outcome o = f.get();
        executed += o instanceof IndexService.Executed ? 1 : 0;
        alreadyDone += o instanceof IndexService.AlreadyDone ? 1 : 0;
      }
      assertThat(executed).isEqualTo(1);
      assertThat(alreadyDone).isEqualTo(callers - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(fixture.count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void theDatabaseItselfRefusesASecondRebalanceOfASlot(TestDatabase.Engine engine) {
    Fixture fixture = fixture(engine, LocalDate.of(2023, 12, 31));
    IndexService service = fixture.service();
    Instant slot = Instant.parse("2023-09-04T00:00:00Z");
    StoredRebalance r = ((IndexService.Executed) service.rebalance(
        TOP10, Trigger.SCHEDULED, Optional.of(slot), "scheduled")).rebalance();

    // Bypass the service's check and lock: the unique constraint alone must refuse it, and the
    // failed transaction must leave the stored track record as it was.
    assertThatThrownBy(() -> fixture.jdbi().useTransaction(h ->
        h.attach(RebalanceDao.class).insert(r)))
        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("rebalances_once"));
    assertThat(fixture.count()).isEqualTo(1);
    // Manual rebalances have no slot and are never refused by it.
    assertThat(service.manual(TOP10, "test")).isInstanceOf(IndexService.Executed.class);
    assertThat(service.manual(TOP10, "test")).isInstanceOf(IndexService.Executed.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void theDailyCheckCatchesUpTheLatestMissedSlotOnlyOnce(TestDatabase.Engine engine) {
    IndexService service = fixture(engine, LocalDate.of(2023, 12, 12)).service();
    Instant wednesday = Instant.parse("2023-12-13T00:45:00Z");

    List<IndexService.Outcome> first = scheduled(service.dailyCheck(wednesday));
    List<IndexService.Outcome> second = scheduled(service.dailyCheck(wednesday.plusSeconds(3600)));

    // Every index starts at once, on the Monday before (its latest slot), and only once.
    assertThat(first).hasSize(IndexDefinitions.BUILT_IN_IDS.size())
        .allSatisfy(o -> assertThat(((IndexService.Executed) o).rebalance().slot())
            .contains(Instant.parse("2023-12-11T00:00:00Z")));
    assertThat(second).isEmpty();
  }

  private static List<IndexService.Outcome> scheduled(List<IndexService.Outcome> outcomes) {
    return outcomes.stream().filter(o -> o instanceof IndexService.Executed e
        && e.rebalance().trigger() == Trigger.SCHEDULED).toList();
  }

  /** The simulated market's fiat-backed depeg: the coin and its first DEPEG day. */
  private record Depeg(AssetId coin, LocalDate day) {}

  private static Depeg depeg;

  /** Found once, on H2: the peg monitor's verdict does not depend on the database. */
  private static synchronized Depeg depeg() {
    if (depeg == null) {
      var event = MARKET.events().stream()
          .filter(e -> MARKET.assets().stream().anyMatch(a -> a.id().equals(e.asset())
              && a.stablecoin() != null
              && a.stablecoin().collateral() == Collateral.FIAT_BACKED))
          .findFirst().orElseThrow();
      Fixture probe = fixture(TestDatabase.Engine.H2, LocalDate.of(2023, 12, 31));
      var pegs = new RatingService(probe.jdbi(), RatingService.Settings.defaults())
          .compute(LocalDate.of(2023, 12, 31)).pegs();
      LocalDate day = event.start();
      while (pegs.on(event.asset(), day).map(h -> h.status() != PegStatus.DEPEG).orElse(true)) {
        day = day.plusDays(1);
        assertThat(day).isBefore(event.end().plusDays(10));
      }
      depeg = new Depeg(event.asset(), day);
    }
    return depeg;
  }

  /**
   * A database with the market up to the depeg day, where top10-mcap's latest calendar slot
   * before the check left {@code worthUsd} of the depegged coin, at its depeg day's close, and
   * the rest in cash (a fixture row). The row has the regime and stablecoin fraction of the depeg
   * day, so the check has no slot to catch up and no regime change: only the peg can move it.
   */
  private static Fixture holdingTheDepeggedCoin(TestDatabase.Engine engine, double worthUsd) {
    Depeg event = depeg();
    Fixture fixture = fixture(engine, event.day());
    MarketContext ctx = fixture.contexts().latest().orElseThrow();
    int day = ctx.panel().dayOf(event.day());
    double close = ctx.precomputed().columns().lastClose(ctx.panel().indexOf(event.coin()), day);
    BigDecimal quantity = BigDecimal.valueOf(worthUsd / close).setScale(12, RoundingMode.DOWN);
    Instant slot = new CronSlots(IndexDefinitions.builtIn("top10-mcap").rebalanceCron())
        .latestAtOrBefore(checkAfter(event)).orElseThrow();
    BigDecimal value = new BigDecimal("1000000");
    StoredRebalance holding = new StoredRebalance(0, TOP10, Trigger.SCHEDULED,
        Optional.of(slot), "fixture", CLOCK.instant(),
        slot.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1), ctx.regimes().regime(day),
        ctx.regimes().stablecoinFraction(day), "{}", Map.of(), Map.of(event.coin(), 0.4), "[]",
        List.of(), BigDecimal.ZERO, value, value, new BigDecimal("600000"),
        Map.of(event.coin(), quantity));
    fixture.jdbi().useTransaction(h -> h.attach(RebalanceDao.class).insert(holding));
    return fixture;
  }

  /** The daily check that sees the depeg day as its market day. */
  private static Instant checkAfter(Depeg event) {
    return event.day().plusDays(1).atTime(0, 45).toInstant(ZoneOffset.UTC);
  }

  private static List<IndexService.Executed> offCycle(List<IndexService.Outcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o.index().equals(TOP10) && o instanceof IndexService.Executed e
            && e.rebalance().trigger() == Trigger.OFF_CYCLE)
        .map(IndexService.Executed.class::cast).toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aHeldStablecoinThatLosesItsPegIsRotatedOutOffCycle(TestDatabase.Engine engine) {
    Depeg event = depeg();
    Fixture fixture = holdingTheDepeggedCoin(engine, 400_000);
    IndexService service = fixture.service();

    List<IndexService.Executed> offCycle = offCycle(service.dailyCheck(checkAfter(event)));

    assertThat(offCycle).hasSize(1);
    StoredRebalance r = offCycle.get(0).rebalance();
    assertThat(r.reason()).startsWith(event.coin().symbol() + " is DEPEG on " + event.day());
    assertThat(r.marketDay()).isEqualTo(event.day());
    assertThat(r.holdings()).doesNotContainKey(event.coin());
    assertThat(r.weightsBefore()).containsKey(event.coin());
    // The same market day never gets a second off-cycle rebalance.
    assertThat(offCycle(service.dailyCheck(checkAfter(event).plusSeconds(8100)))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aDepeggedStablecoinWorthTwiceTheMinimumTradeIsSoldOffCycle(TestDatabase.Engine engine) {
    Depeg event = depeg();
    Fixture fixture = holdingTheDepeggedCoin(engine, 2 * MIN_TRADE);

    List<IndexService.Executed> offCycle =
        offCycle(fixture.service().dailyCheck(checkAfter(event)));

    assertThat(offCycle).hasSize(1);
    StoredRebalance r = offCycle.get(0).rebalance();
    assertThat(r.reason()).startsWith(event.coin().symbol() + " is DEPEG on " + event.day());
    assertThat(r.holdings()).doesNotContainKey(event.coin());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aDepeggedStablecoinHeldAsDustBelowTheMinimumTradeGetsNoOffCycleRebalance(
      TestDatabase.Engine engine) {
    // The planner would not sell it (an order below the minimum trade is skipped): an off-cycle
    // rebalance would trade nothing, every day while the coin stays DEPEG. The backtester has
    // always passed such dust over; the live check now decides by the same rule.
    Depeg event = depeg();
    Fixture fixture = holdingTheDepeggedCoin(engine, MIN_TRADE / 2);

    List<IndexService.Outcome> outcomes = fixture.service().dailyCheck(checkAfter(event));

    assertThat(offCycle(outcomes)).isEmpty();
    assertThat(outcomes).noneMatch(o -> o.index().equals(TOP10));
    assertThat(fixture.count()).isEqualTo(1); // the fixture row alone
  }
}
