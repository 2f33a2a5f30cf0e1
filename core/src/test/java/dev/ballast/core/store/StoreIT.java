package dev.ballast.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.price.Quote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrations, DAOs and the market store on H2 and on a real PostgreSQL. */
class StoreIT {

  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId USDC = AssetId.of("USDC");
  private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T00:00:00Z"),
      ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void migratesAnEmptyDatabaseAndIsIdempotent(TestDatabase.Engine engine) {
    TestDatabase db = TestDatabase.create(engine);
    assertThat(Database.migrate(db.dataSource()).migrationsExecuted).isGreaterThanOrEqualTo(4);
    assertThat(Database.migrate(db.dataSource()).migrationsExecuted).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void assetsRoundTripWithTheirStablecoinTerms(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    Asset btc = Asset.coin(BTC, "Bitcoin");
    Asset usdc = Asset.stablecoin(USDC, "USD Coin",
        StablecoinTerms.usd(Collateral.FIAT_BACKED, "Circle"));
    Asset paxg = Asset.stablecoin(AssetId.of("PAXG"), "PAX Gold",
        new StablecoinTerms("XAU", new BigDecimal("1"), Collateral.COMMODITY_BACKED, "Paxos"));
    AssetDao dao = jdbi.onDemand(AssetDao.class);
    dao.save(btc);
    dao.save(usdc);
    dao.save(paxg);
    dao.save(Asset.coin(BTC, "Bitcoin (renamed)"));

    assertThat(dao.all()).containsExactly(Asset.coin(BTC, "Bitcoin (renamed)"), paxg, usdc);
    assertThat(dao.find(USDC)).contains(usdc);
    assertThat(dao.find(AssetId.of("NOPE"))).isEmpty();
    assertThat(dao.byKind(AssetKind.STABLECOIN)).containsExactly(paxg, usdc);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void barsKeepMissingValuesMissingAndFullPrecision(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    jdbi.onDemand(AssetDao.class).save(Asset.coin(BTC, "Bitcoin"));
    DailyBar full = new DailyBar(BTC, D1, 1.5, 2.25, 1.25, 2.0, 1e9, 3.9e11);
    DailyBar closeOnly = DailyBar.ofClose(BTC, D1.plusDays(1), 0.000_012_345_678_901_234, Double.NaN,
        Double.NaN);
    BarDao dao = jdbi.onDemand(BarDao.class);
    dao.insertAll(List.of(full, closeOnly).iterator());

    assertThat(dao.between(BTC, D1, D1.plusDays(5))).containsExactly(full, closeOnly);
    PriceSeries series = dao.series(BTC);
    assertThat(series.size()).isEqualTo(2);
    assertThat(series.close(1)).isEqualTo(0.000_012_345_678_901_234);
    assertThat(series.marketCap(1)).isNaN();
    assertThat(series.volume(0)).isEqualTo(1e9);
    assertThat(dao.lastDateOfAll()).contains(D1.plusDays(1));
    Integer nulls = jdbi.withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM daily_bars WHERE market_cap_usd IS NULL").mapTo(Integer.class).one());
    assertThat(nulls).as("missing is stored as NULL, never as 0 or NaN").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void writingTheSameHistoryTwiceChangesNothing(TestDatabase.Engine engine) {
    MarketStore store = new MarketStore(TestDatabase.create(engine).migrated(), CLOCK);
    Asset btc = Asset.coin(BTC, "Bitcoin");
    List<DailyBar> bars = List.of(
        DailyBar.ofClose(BTC, D1, 100, 10, Double.NaN),
        DailyBar.ofClose(BTC, D1.plusDays(1), 101, 11, 1000));

    assertThat(store.writeHistory(btc, bars)).isEqualTo(new MarketStore.WriteResult(2, 0, 0));
    assertThat(store.writeHistory(btc, bars)).isEqualTo(new MarketStore.WriteResult(0, 0, 2));
    List<DailyBar> revised = List.of(
        DailyBar.ofClose(BTC, D1.plusDays(1), 102, 11, 1000),
        DailyBar.ofClose(BTC, D1.plusDays(2), 103, 12, 1000));
    assertThat(store.writeHistory(btc, revised)).isEqualTo(new MarketStore.WriteResult(1, 1, 0));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aFailedWriteLeavesTheStoredHistoryAsItWas(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    MarketStore store = new MarketStore(jdbi, CLOCK);
    Asset btc = Asset.coin(BTC, "Bitcoin");
    store.writeHistory(btc, List.of(DailyBar.ofClose(BTC, D1, 100, 10, 1)));
    // The same day twice violates the primary key half-way through the write.
    List<DailyBar> broken = List.of(
        DailyBar.ofClose(BTC, D1.plusDays(1), 101, 10, 1),
        DailyBar.ofClose(BTC, D1.plusDays(1), 102, 10, 1));

    assertThatThrownBy(() -> store.writeHistory(btc, broken)).isInstanceOf(RuntimeException.class);
    assertThat(jdbi.onDemand(BarDao.class).series(BTC).bars())
        .containsExactly(DailyBar.ofClose(BTC, D1, 100, 10, 1));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void datasetsOfDifferentOriginsNeverMix(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    MarketStore store = new MarketStore(jdbi, CLOCK);
    Asset sim = Asset.coin(AssetId.of("SIMX"), "Simulated");
    PriceSeries series = PriceSeries.of(sim.id(), List.of(DailyBar.ofClose(sim.id(), D1, 1, 1, 1)));

    assertThat(store.loadIfEmpty(DatasetOrigin.SIMULATED, "sim", List.of(sim), List.of(series)))
        .isTrue();
    assertThat(store.loadIfEmpty(DatasetOrigin.SIMULATED, "sim", List.of(sim), List.of(series)))
        .as("a second load finds the database taken").isFalse();
    assertThatThrownBy(() -> store.prepareFor(DatasetOrigin.IMPORTED, "real", false))
        .isInstanceOf(DatasetConflictException.class)
        .hasMessageContaining("simulated market");
    assertThat(jdbi.onDemand(AssetDao.class).count()).isEqualTo(1);

    store.prepareFor(DatasetOrigin.IMPORTED, "real", true);
    assertThat(store.origin()).contains(DatasetOrigin.IMPORTED);
    assertThat(jdbi.onDemand(AssetDao.class).count()).isZero();
    assertThat(jdbi.onDemand(BarDao.class).countAll()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void everyWriteThatChangesAssetsOrBarsRaisesTheMarketDataVersionAndNothingElseDoes(
      TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    MarketStore store = new MarketStore(jdbi, CLOCK);
    MarketDataVersionDao version = jdbi.onDemand(MarketDataVersionDao.class);
    Asset sim = Asset.coin(AssetId.of("SIMX"), "Simulated");
    List<DailyBar> bars = List.of(DailyBar.ofClose(sim.id(), D1, 1, 1, 1),
        DailyBar.ofClose(sim.id(), D1.plusDays(1), 2, 1, 1));
    assertThat(version.current()).isZero();

    store.loadIfEmpty(DatasetOrigin.SIMULATED, "sim", List.of(sim),
        List.of(PriceSeries.of(sim.id(), bars)));
    long loaded = version.current();
    assertThat(loaded).isPositive();
    // Reads, and writes that change nothing, leave it alone.
    jdbi.onDemand(BarDao.class).series(sim.id());
    jdbi.onDemand(BarDao.class).coverage();
    assertThat(store.writeHistory(sim, bars)).isEqualTo(new MarketStore.WriteResult(0, 0, 2));
    assertThat(version.current()).isEqualTo(loaded);

    long before = version.current();
    store.writeHistory(sim, List.of(DailyBar.ofClose(sim.id(), D1.plusDays(2), 3, 1, 1)));
    assertThat(version.current()).as("a new day").isGreaterThan(before);
    before = version.current();
    store.writeHistory(sim, List.of(DailyBar.ofClose(sim.id(), D1, 1.5, 1, 1)));
    assertThat(version.current()).as("a revised day: same count, same last day")
        .isGreaterThan(before);
    before = version.current();
    store.writeHistory(new Asset(sim.id(), "Renamed", sim.kind(), null), List.of());
    assertThat(version.current()).as("a changed asset").isGreaterThan(before);
    before = version.current();
    jdbi.onDemand(BarDao.class).deleteAll(sim.id());
    assertThat(version.current()).as("deleted bars").isGreaterThan(before);

    // A write that fails is rolled back with its version.
    before = version.current();
    List<DailyBar> broken = List.of(DailyBar.ofClose(sim.id(), D1, 1, 1, 1),
        DailyBar.ofClose(sim.id(), D1, 2, 1, 1));
    assertThatThrownBy(() -> store.writeHistory(sim, broken)).isInstanceOf(RuntimeException.class);
    assertThat(version.current()).isEqualTo(before);

    store.writeHistory(sim, bars);
    before = version.current();
    store.prepareFor(DatasetOrigin.IMPORTED, "real", true);
    assertThat(version.current()).as("the dataset replaced").isGreaterThan(before);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void quotesAreStoredOnceAndTheLatestWins(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    jdbi.onDemand(AssetDao.class).save(Asset.coin(BTC, "Bitcoin"));
    QuoteDao dao = jdbi.onDemand(QuoteDao.class);
    Quote older = new Quote(BTC, new BigDecimal("64000.5"), Instant.parse("2024-03-01T10:00:00Z"),
        "test");
    Quote newer = new Quote(BTC, new BigDecimal("0.000012345678901234"),
        Instant.parse("2024-03-01T10:00:05Z"), "test");

    assertThat(dao.save(older)).isTrue();
    assertThat(dao.save(newer)).isTrue();
    assertThat(dao.save(older)).as("same asset, source and instant").isFalse();
    assertThat(dao.countAll()).isEqualTo(2);
    assertThat(dao.latest(BTC)).contains(newer);
    assertThat(dao.latest(USDC)).isEmpty();
  }
}
