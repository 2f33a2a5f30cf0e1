package dev.ballast.rebalancer.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.portfolio.CustomWeights;
import dev.ballast.core.portfolio.LedgerEntry;
import dev.ballast.core.portfolio.Portfolio;
import dev.ballast.core.portfolio.PortfolioId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.StoredQuoteSource;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.order.Side;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.regime.RegimeSettings;
import dev.ballast.rebalancer.schedule.IndexService;
import dev.ballast.rebalancer.schedule.MarketContexts;
import dev.ballast.rebalancer.store.RebalanceDao;
import dev.ballast.rebalancer.store.StoredRebalance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Portfolios on a real database (H2 file and PostgreSQL): the ledger adds up to the holdings,
 * withdrawals never overdraw (also when they race), rebalances are filled exactly and all or
 * nothing, owners never see each other's portfolios, and an index rebalance applies to each
 * follower exactly once — also when it is applied from several threads at once.
 */
class PortfolioServiceIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-20T12:00:00Z"), ZoneOffset.UTC);
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId SOL = AssetId.of("SOL");

  private record Fixture(Jdbi jdbi, PortfolioService service, IndexService indices) {}

  /** Three coins with ten daily closes each (BTC 40000.., ETH 2000.., SOL 100..). */
  private static Fixture small(TestDatabase.Engine engine) {
    return small(engine, jdbi -> PortfolioQuotes.of(new StoredQuoteSource(jdbi)));
  }

  /** The same market, quoted by {@code quotes} of the test's database. */
  private static Fixture small(TestDatabase.Engine engine,
      Function<Jdbi, PortfolioQuotes> quotes) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    List<PriceSeries> series = new ArrayList<>();
    Map<AssetId, Double> start = Map.of(BTC, 40000.0, ETH, 2000.0, SOL, 100.0);
    for (AssetId a : List.of(BTC, ETH, SOL)) {
      List<DailyBar> bars = new ArrayList<>();
      for (int d = 0; d < 10; d++) {
        double close = start.get(a) * (1 + 0.01 * d) * (d == 6 ? 0.8 : 1);
        bars.add(DailyBar.ofClose(a, LocalDate.of(2024, 1, 1).plusDays(d), close, 1e9, 1e11));
      }
      series.add(PriceSeries.of(a, bars));
    }
    new MarketStore(jdbi, CLOCK).loadIfEmpty(DatasetOrigin.SIMULATED, "test",
        List.of(Asset.coin(BTC, "Bitcoin"), Asset.coin(ETH, "Ether"), Asset.coin(SOL, "Sol")),
        series);
    return fixture(jdbi, CLOCK, quotes.apply(jdbi));
  }

  private static Fixture fixture(Jdbi jdbi, Clock clock) {
    return fixture(jdbi, clock, PortfolioQuotes.of(new StoredQuoteSource(jdbi)));
  }

  private static Fixture fixture(Jdbi jdbi, Clock clock, PortfolioQuotes quotes) {
    MarketContexts contexts = new MarketContexts(jdbi,
        new RatingService(jdbi, RatingService.Settings.defaults()), RegimeSettings.defaults());
    IndexService indices = new IndexService(jdbi, contexts, clock,
        IndexService.Settings.defaults());
    indices.installBuiltIns();
    PortfolioService service = new PortfolioService(jdbi, quotes, indices, clock,
        PortfolioService.Settings.defaults());
    indices.addListener(service);
    return new Fixture(jdbi, service, indices);
  }

  private static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  /** Cash and quantities as the sums of the ledger. */
  private static Map<Optional<AssetId>, BigDecimal> ledgerSums(List<LedgerEntry> ledger) {
    Map<Optional<AssetId>, BigDecimal> sums = new HashMap<>();
    for (LedgerEntry e : ledger) {
      sums.merge(Optional.empty(), e.cashDelta(), BigDecimal::add);
      e.asset().ifPresent(a -> sums.merge(Optional.of(a), e.quantityDelta(), BigDecimal::add));
    }
    return sums;
  }

  private static void assertLedgerMatchesHoldings(PortfolioService service, String owner,
      PortfolioId id) {
    PortfolioState state = service.find(owner, id).orElseThrow();
    Map<Optional<AssetId>, BigDecimal> sums = ledgerSums(service.ledger(owner, id));
    assertThat(sums.getOrDefault(Optional.empty(), BigDecimal.ZERO))
        .isEqualByComparingTo(state.holdings().cash());
    sums.forEach((asset, sum) -> asset.ifPresent(a ->
        assertThat(state.holdings().quantity(a)).as(a.symbol()).isEqualByComparingTo(sum)));
    state.holdings().quantities().forEach((a, q) ->
        assertThat(sums.get(Optional.of(a))).isEqualByComparingTo(q));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void depositsAndWithdrawalsAreLedgeredAndNeverOverdraw(TestDatabase.Engine engine) {
    PortfolioService service = small(engine).service();
    Portfolio p = service.create("alice", "  Main  ");
    assertThat(p.name()).isEqualTo("Main");
    service.deposit("alice", p.id(), Optional.empty(), dec("1000.000000000000000001"));
    service.deposit("alice", p.id(), Optional.of(BTC), dec("0.5"));
    service.deposit("alice", p.id(), Optional.of(BTC), dec("0.25"));
    service.withdraw("alice", p.id(), Optional.of(BTC), dec("0.75"));
    service.withdraw("alice", p.id(), Optional.empty(), dec("0.000000000000000001"));

    PortfolioState state = service.find("alice", p.id()).orElseThrow();
    assertThat(state.holdings().quantities()).isEmpty();
    assertThat(state.holdings().cash()).isEqualByComparingTo("1000");
    assertThat(service.ledger("alice", p.id())).hasSize(5)
        .extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.DEPOSIT,
            LedgerEntry.Kind.DEPOSIT, LedgerEntry.Kind.DEPOSIT, LedgerEntry.Kind.WITHDRAWAL,
            LedgerEntry.Kind.WITHDRAWAL);

    assertThatThrownBy(() -> service.withdraw("alice", p.id(), Optional.of(ETH), dec("1")))
        .isInstanceOf(PortfolioException.class).hasMessageContaining("holds 0")
        .extracting(e -> ((PortfolioException) e).kind())
        .isEqualTo(PortfolioException.Kind.CONFLICT);
    assertThatThrownBy(() -> service.withdraw("alice", p.id(), Optional.empty(),
        dec("1000.000000000000000001"))).isInstanceOf(PortfolioException.class);
    assertThatThrownBy(() -> service.deposit("alice", p.id(), Optional.of(AssetId.of("NOPE")),
        dec("1"))).extracting(e -> ((PortfolioException) e).kind())
        .isEqualTo(PortfolioException.Kind.UNPROCESSABLE);
    for (String bad : List.of("0", "-1", "1000000000000001", "1e-19", "1e999999999")) {
      assertThatThrownBy(() -> service.deposit("alice", p.id(), Optional.empty(), dec(bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
    }
    assertThat(service.ledger("alice", p.id())).hasSize(5);
    assertLedgerMatchesHoldings(service, "alice", p.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void anotherOwnersPortfolioIsNotFoundAnywhere(TestDatabase.Engine engine) {
    PortfolioService service = small(engine).service();
    Portfolio p = service.create("alice", "Main");
    service.deposit("alice", p.id(), Optional.empty(), dec("100"));
    String bob = "bob";
    assertThat(service.find(bob, p.id())).isEmpty();
    assertThat(service.value(bob, p.id())).isEmpty();
    assertThat(service.list(bob, 0, 10)).isEmpty();
    assertThat(service.delete(bob, p.id())).isFalse();
    List<Runnable> calls = List.of(
        () -> service.rename(bob, p.id(), "Mine"),
        () -> service.deposit(bob, p.id(), Optional.empty(), dec("1")),
        () -> service.withdraw(bob, p.id(), Optional.empty(), dec("1")),
        () -> service.setTarget(bob, p.id(), Target.NONE),
        () -> service.preview(bob, p.id()),
        () -> service.rebalance(bob, p.id()),
        () -> service.rebalances(bob, p.id(), Long.MAX_VALUE, 10),
        () -> service.ledger(bob, p.id()),
        () -> service.history(bob, p.id(), Optional.empty(), Optional.empty()));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(PortfolioException.class)
          .extracting(e -> ((PortfolioException) e).kind())
          .isEqualTo(PortfolioException.Kind.NOT_FOUND);
    }
    PortfolioState state = service.find("alice", p.id()).orElseThrow();
    assertThat(state.portfolio().name()).isEqualTo("Main");
    assertThat(state.holdings().cash()).isEqualByComparingTo("100");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aRebalanceFillsExactlyAtTheQuotesAndConservesValueLessFees(TestDatabase.Engine engine) {
    PortfolioService service = small(engine).service();
    Portfolio p = service.create("alice", "Custom");
    service.deposit("alice", p.id(), Optional.empty(), dec("10000"));
    service.deposit("alice", p.id(), Optional.of(SOL), dec("3.333333333333333333"));
    assertThatThrownBy(() -> service.rebalance("alice", p.id()))
        .hasMessageContaining("no target");
    service.setTarget("alice", p.id(), new Target.Custom(new CustomWeights(
        Map.of(BTC, 0.5, ETH, 0.3, SOL, 0.2))));

    PortfolioService.Preview preview = service.preview("alice", p.id());
    assertThat(service.ledger("alice", p.id())).as("a preview changes nothing").hasSize(2);
    PortfolioRebalance done = service.rebalance("alice", p.id());

    assertThat(done.trigger()).isEqualTo(PortfolioRebalance.Trigger.MANUAL);
    assertThat(done.orders()).hasSameSizeAs(preview.rebalance().orders()).isNotEmpty();
    assertThat(done.valueBeforeUsd()).isEqualByComparingTo(preview.rebalance().valueBeforeUsd());
    // Exact to the stored 18 decimals, less fees: rounding is < 1e-18 USD per fill.
    assertThat(done.valueAfterUsd().add(done.feesUsd()).subtract(done.valueBeforeUsd()).abs())
        .isLessThanOrEqualTo(dec("1e-16"));
    assertThat(done.feesUsd()).isPositive();
    for (Order o : done.orders()) {
      BigDecimal price = preview.quotes().get(o.asset()).quote().price();
      assertThat(o.price()).isEqualByComparingTo(price);
    }
    assertThat(done.orders().get(0).side()).isEqualTo(Side.BUY); // SOL is under 20%: all buys
    Valuation v = service.value("alice", p.id()).orElseThrow();
    assertThat(v.complete()).isTrue();
    for (Valuation.Position pos : v.positions()) {
      assertThat(pos.weight()).as(pos.asset().symbol()).isCloseTo(
          Map.of(BTC, 0.5, ETH, 0.3, SOL, 0.2).get(pos.asset()),
          Offset.offset(0.011));
    }
    assertThat(service.rebalances("alice", p.id(), Long.MAX_VALUE, 10)).containsExactly(done);
    assertLedgerMatchesHoldings(service, "alice", p.id());
  }

  /** Everything stored about portfolios, as text: to check that a call changed nothing. */
  private static String snapshot(Jdbi jdbi) {
    return jdbi.withHandle(h -> {
      StringBuilder out = new StringBuilder();
      for (String table : List.of("portfolios", "portfolio_holdings", "portfolio_ledger",
          "portfolio_target_weights", "portfolio_follows", "portfolio_rebalances")) {
        h.createQuery("SELECT * FROM " + table).mapToMap().list().stream()
            .map(Object::toString).sorted().forEach(row -> out.append(row).append('\n'));
      }
      return out.toString();
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void staleQuotesArePreviewedButNeverFilledAndAFollowerCatchesUpLater(
      TestDatabase.Engine engine) {
    Set<AssetId> stale = ConcurrentHashMap.newKeySet();
    Fixture f = small(engine, jdbi -> {
      PortfolioQuotes stored = PortfolioQuotes.of(new StoredQuoteSource(jdbi));
      return a -> stored.latest(a).map(c -> new PortfolioQuotes.Current(c.quote(),
          stale.contains(a)));
    });
    PortfolioService service = f.service();
    Portfolio p = service.create("alice", "Custom");
    service.deposit("alice", p.id(), Optional.empty(), dec("10000"));
    service.deposit("alice", p.id(), Optional.of(SOL), dec("10"));
    // SOL is neither bought nor sold (its 10% are in the band), yet it sizes the other orders.
    service.setTarget("alice", p.id(), new Target.Custom(new CustomWeights(
        Map.of(BTC, 0.5, ETH, 0.4, SOL, 0.1))));
    stale.add(SOL);

    PortfolioService.Preview preview = service.preview("alice", p.id());
    assertThat(preview.staleQuotes()).containsExactly(SOL);
    assertThat(preview.quotes()).containsOnlyKeys(BTC, ETH, SOL);
    assertThat(preview.quotes().get(BTC).stale()).isFalse();
    assertThat(preview.rebalance().orders()).isNotEmpty()
        .noneMatch(o -> o.asset().equals(SOL));
    String before = snapshot(f.jdbi());
    assertThatThrownBy(() -> service.rebalance("alice", p.id()))
        .isInstanceOfSatisfying(PortfolioException.class, e -> {
          assertThat(e.kind()).isEqualTo(PortfolioException.Kind.STALE_QUOTES);
          assertThat(e.field()).isEqualTo("quotes");
          assertThat(e.getMessage()).contains("SOL (last known at 2024-01-11T00:00:00Z)")
              .doesNotContain("BTC");
        });
    assertThat(snapshot(f.jdbi())).as("nothing changed").isEqualTo(before);

    stale.clear();
    assertThat(service.rebalance("alice", p.id()).orders()).hasSameSizeAs(
        preview.rebalance().orders());
    assertLedgerMatchesHoldings(service, "alice", p.id());

    // A follower is not rebalanced at a stale quote either; the next application catches up.
    IndexId top10 = IndexId.of("top10-mcap");
    Portfolio follower = service.create("bob", "Follower");
    service.deposit("bob", follower.id(), Optional.empty(), dec("10000"));
    service.setTarget("bob", follower.id(), new Target.Follow(top10));
    f.jdbi().useHandle(h -> h.attach(RebalanceDao.class).insert(new StoredRebalance(0, top10,
        Trigger.MANUAL, Optional.empty(), "test", CLOCK.instant(), LocalDate.of(2024, 1, 10),
        Regime.values()[0], 0, "{}", Map.of(), Map.of(BTC, 0.7, ETH, 0.3), "[]", List.of(),
        BigDecimal.ZERO, dec("1000"), dec("1000"), BigDecimal.ZERO,
        Map.of(BTC, dec("0.0175")))));
    StoredRebalance indexRebalance = f.indices().latestRebalance(top10).orElseThrow();
    stale.add(ETH);
    String beforeFollowing = snapshot(f.jdbi());
    assertThat(service.applyIndexRebalance(indexRebalance)).isZero();
    assertThat(snapshot(f.jdbi())).isEqualTo(beforeFollowing);
    stale.clear();
    assertThat(service.applyIndexRebalance(indexRebalance)).isEqualTo(1);
    assertThat(service.rebalances("bob", follower.id(), Long.MAX_VALUE, 10)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void racingWithdrawalsOfEverythingLeaveOneWinner(TestDatabase.Engine engine) throws Exception {
    PortfolioService service = small(engine).service();
    Portfolio p = service.create("alice", "Race");
    service.deposit("alice", p.id(), Optional.of(ETH), dec("2"));
    int callers = 4;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Boolean> withdraw = () -> {
          start.await();
          try {
            service.withdraw("alice", p.id(), Optional.of(ETH), dec("2"));
            return true;
          } catch (PortfolioException e) {
            return false;
          }
        };
        results.add(pool.submit(withdraw));
      }
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(service.find("alice", p.id()).orElseThrow().holdings().quantities()).isEmpty();
    assertLedgerMatchesHoldings(service, "alice", p.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void historyValuesTheLedgerAtDailyClosesWithDrawdownNetOfFlows(TestDatabase.Engine engine) {
    Clock early = Clock.fixed(Instant.parse("2024-01-02T12:00:00Z"), ZoneOffset.UTC);
    Fixture small = small(engine);
    PortfolioService service = fixture(small.jdbi(), early).service();
    Portfolio p = service.create("alice", "History");
    service.deposit("alice", p.id(), Optional.of(BTC), dec("1"));
    PortfolioService later = fixture(small.jdbi(), CLOCK).service();
    later.deposit("alice", p.id(), Optional.empty(), dec("50000")); // 2024-01-20: after the data

    PortfolioHistory h = later.history("alice", p.id(), Optional.empty(), Optional.empty());
    assertThat(h.from()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(h.to()).isEqualTo(LocalDate.of(2024, 1, 10));
    assertThat(h.values()).hasSize(9);
    PortfolioHistory.Point first = h.values().get(0);
    assertThat(first.value()).isEqualTo(40000 * 1.01);
    assertThat(first.netFlow()).isEqualTo(40000 * 1.01);
    assertThat(first.index()).isEqualTo(1.0);
    // Day 6 (2024-01-07) closed 20% below its trend, from the peak of day 5; day 7 recovered.
    double drawdown = 1 - 1.06 * 0.8 / 1.05;
    assertThat(h.maxDrawdown()).isCloseTo(drawdown, Offset.offset(1e-12));
    assertThat(h.values().get(5).drawdown()).isCloseTo(drawdown, Offset.offset(1e-12));
    assertThat(h.values().get(6).drawdown()).isZero();
    assertThat(h.totalReturn()).isCloseTo(1.09 / 1.01 - 1, Offset.offset(1e-12));

    PortfolioHistory part = later.history("alice", p.id(), Optional.of(LocalDate.of(2024, 1, 5)),
        Optional.of(LocalDate.of(2024, 1, 6)));
    assertThat(part.values()).hasSize(2);
    assertThat(part.values().get(0).netFlow()).as("holdings before the range are no flow")
        .isZero();
    assertThatThrownBy(() -> later.history("alice", p.id(), Optional.of(LocalDate.of(2024, 1, 6)),
        Optional.of(LocalDate.of(2024, 1, 5)))).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- following an index, on the simulated market ----

  private static final SimulatedMarket MARKET = SimulatedMarket.generate(new SimulationSettings(
      42, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31), 12));
  private static final IndexId TOP10 = IndexId.of("top10-mcap-no-overlay");

  private static Fixture simulated(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    Clock clock = Clock.fixed(Instant.parse("2024-01-01T12:00:00Z"), ZoneOffset.UTC);
    new MarketStore(jdbi, clock).loadIfEmpty(DatasetOrigin.SIMULATED, "sim", MARKET.assets(),
        MARKET.allSeries());
    return fixture(jdbi, Clock.systemUTC());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void anIndexRebalanceAppliesToEachFollowerOnceWithTheIndexWeights(TestDatabase.Engine engine)
      throws Exception {
    Fixture f = simulated(engine);
    PortfolioService service = f.service();
    Portfolio follower = service.create("alice", "Follower");
    service.deposit("alice", follower.id(), Optional.empty(), dec("100000"));
    service.setTarget("alice", follower.id(), new Target.Follow(TOP10));
    Portfolio other = service.create("bob", "Follower too");
    service.deposit("bob", other.id(), Optional.empty(), dec("5000"));
    service.setTarget("bob", other.id(), new Target.Follow(TOP10));
    Portfolio idle = service.create("alice", "Not following");
    service.deposit("alice", idle.id(), Optional.empty(), dec("5000"));
    assertThatThrownBy(() -> service.rebalance("alice", follower.id()))
        .hasMessageContaining("has not rebalanced yet");

    IndexService.Outcome outcome = f.indices().manual(TOP10, "test");
    StoredRebalance indexRebalance = ((IndexService.Executed) outcome).rebalance();

    List<PortfolioRebalance> applied = service.rebalances("alice", follower.id(),
        Long.MAX_VALUE, 10);
    assertThat(applied).hasSize(1);
    PortfolioRebalance r = applied.get(0);
    assertThat(r.trigger()).isEqualTo(PortfolioRebalance.Trigger.INDEX);
    assertThat(r.index()).contains(TOP10);
    assertThat(r.indexRebalanceId()).contains(indexRebalance.id());
    Map<AssetId, Double> expected = new HashMap<>();
    indexRebalance.weightsAfter().forEach((a, w) -> {
      if (w > 0) {
        expected.put(a, w);
      }
    });
    assertThat(r.targetWeights()).isEqualTo(expected);
    assertThat(r.driftBand()).isEqualTo(0.02);
    assertThat(r.orders()).isNotEmpty().allMatch(o -> o.side() == Side.BUY);
    Valuation v = service.value("alice", follower.id()).orElseThrow();
    for (Valuation.Position p : v.positions()) {
      assertThat(p.weight()).as(p.asset().symbol())
          .isCloseTo(expected.get(p.asset()), Offset.offset(1e-3));
    }
    assertThat(service.rebalances("bob", other.id(), Long.MAX_VALUE, 10)).hasSize(1);
    assertThat(service.rebalances("alice", idle.id(), Long.MAX_VALUE, 10)).isEmpty();

    // Applied again (the daily check's catch-up, a second node): nothing more happens.
    assertThat(service.applyIndexRebalance(indexRebalance)).isZero();
    int callers = 4;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Integer> apply = () -> {
          start.await();
          return service.applyIndexRebalance(indexRebalance);
        };
        results.add(pool.submit(apply));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(service.rebalances("alice", follower.id(), Long.MAX_VALUE, 10)).hasSize(1);
    assertLedgerMatchesHoldings(service, "alice", follower.id());

    // The unique constraint itself refuses a second application, bypassing the service's check.
    assertThatThrownBy(() -> f.jdbi().useHandle(h -> h.attach(PortfolioDao.class)
        .insertRebalance(r))).isInstanceOf(UnableToExecuteStatementException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void racingFirstApplicationsRebalanceAFollowerOnce(TestDatabase.Engine engine)
      throws Exception {
    Fixture f = simulated(engine);
    PortfolioService service = f.service();
    // A second service with no listener: the index rebalance is stored but not yet applied.
    IndexService quiet = new IndexService(f.jdbi(), new MarketContexts(f.jdbi(),
        new RatingService(f.jdbi(), RatingService.Settings.defaults()), RegimeSettings.defaults()),
        Clock.systemUTC(), IndexService.Settings.defaults());
    Portfolio follower = service.create("alice", "Follower");
    service.deposit("alice", follower.id(), Optional.empty(), dec("100000"));
    service.setTarget("alice", follower.id(), new Target.Follow(TOP10));
    StoredRebalance indexRebalance =
        ((IndexService.Executed) quiet.manual(TOP10, "quiet")).rebalance();
    assertThat(service.rebalances("alice", follower.id(), Long.MAX_VALUE, 10)).isEmpty();

    int callers = 4;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    int total = 0;
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Integer> apply = () -> {
          start.await();
          return service.applyIndexRebalance(indexRebalance);
        };
        results.add(pool.submit(apply));
      }
      for (Future<Integer> result : results) {
        total += result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(total).isEqualTo(1);
    assertThat(service.rebalances("alice", follower.id(), Long.MAX_VALUE, 10)).hasSize(1);
    assertLedgerMatchesHoldings(service, "alice", follower.id());
  }
}
