package dev.ballast.core.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetOverrides;
import dev.ballast.core.asset.AssetRegistry;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.AssetDao;
import dev.ballast.core.store.BarDao;
import dev.ballast.core.store.DatasetConflictException;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Imports every real CoinGecko export into H2 and into PostgreSQL and checks what was stored
 * against the files themselves, line by line.
 */
class HistoryImportIT {

  private static final HistoryImporter.Listener QUIET = (result, done, total) -> { };

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void importsEveryCoinGeckoFileExactly(TestDatabase.Engine engine) throws IOException {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    HistoryImporter importer = importer(jdbi);
    Path folder = SharedData.coingecko();

    HistoryImporter.Summary summary =
        importer.importAll(List.of(folder), HistoryImporter.Options.defaults(), QUIET);

    List<Path> files;
    try (var listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(summary.files()).hasSize(files.size()).hasSize(40);
    assertThat(summary.failedFiles()).isZero();
    BarDao bars = jdbi.onDemand(BarDao.class);
    long expectedTotal = 0;
    for (Path file : files) {
      List<String> rows = dataRows(file);
      HistoryImporter.FileResult result = summary.files().stream()
          .filter(r -> r.file().getFileName().equals(file.getFileName())).findFirst()
          .orElseThrow();
      AssetId id = result.asset().orElseThrow();
      long stored = bars.count(id);
      assertThat(stored).as("bars of %s", file.getFileName())
          .isEqualTo(rows.size() - result.problems().size());
      expectedTotal += stored;
      checkRow(bars.series(id), rows.get(0));
      checkRow(bars.series(id), rows.get(rows.size() / 2));
      checkRow(bars.series(id), rows.get(rows.size() - 1));
    }
    assertThat(bars.countAll()).isEqualTo(expectedTotal).isEqualTo(summary.inserted());
    assertThat(jdbi.onDemand(AssetDao.class).find(AssetId.of("USDC")).orElseThrow()
        .stablecoin().collateral()).isEqualTo(Collateral.FIAT_BACKED);
    assertThat(jdbi.onDemand(AssetDao.class).find(AssetId.of("UNI")).orElseThrow().name())
        .isEqualTo("Uniswap");

    HistoryImporter.Summary again =
        importer.importAll(List.of(folder), HistoryImporter.Options.defaults(), QUIET);
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(summary.inserted());
    assertThat(bars.countAll()).isEqualTo(expectedTotal);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void refusesToMixIntoTheSimulatedMarketUnlessToldToReplaceIt(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    MarketStore store = new MarketStore(jdbi, Clock.systemUTC());
    Asset sim = Asset.coin(AssetId.of("SIMX"), "Simulated");
    store.loadIfEmpty(DatasetOrigin.SIMULATED, "sim", List.of(sim), List.of(PriceSeries.of(
        sim.id(), List.of(DailyBar.ofClose(sim.id(), LocalDate.of(2024, 1, 1), 1, 1, 1)))));
    Path btc = SharedData.coingecko().resolve("btc-usd-max.csv");

    assertThatThrownBy(() -> importer(jdbi).importAll(List.of(btc),
        HistoryImporter.Options.defaults(), QUIET))
        .isInstanceOf(DatasetConflictException.class);
    assertThat(jdbi.onDemand(AssetDao.class).all()).containsExactly(sim);

    importer(jdbi).importAll(List.of(btc),
        new HistoryImporter.Options(Optional.empty(), AssetOverrides.none(), true), QUIET);
    assertThat(jdbi.onDemand(AssetDao.class).all()).extracting(Asset::symbol)
        .containsExactly("BTC");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aBadFileFailsAloneAndBadRowsAreSkipped(TestDatabase.Engine engine, @TempDir Path dir)
      throws IOException {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    Files.writeString(dir.resolve("aaa-usd-max.csv"), "what,is,this\n1,2,3\n");
    Files.writeString(dir.resolve("zzz-usd-max.csv"), String.join("\n",
        "snapped_at,price,market_cap,total_volume",
        "2024-01-01 00:00:00 UTC,1.5,0,10",
        "2024-01-02 00:00:00 UTC,not-a-number,0,10",
        "2024-01-03 00:00:00 UTC,1.7,1000,0", ""));

    HistoryImporter.Summary summary = importer(jdbi).importAll(List.of(dir),
        new HistoryImporter.Options(Optional.empty(),
            AssetOverrides.none().withName("Zed"), false), QUIET);

    assertThat(summary.failedFiles()).isEqualTo(1);
    assertThat(summary.files().get(0).failure()).hasValueSatisfying(
        why -> assertThat(why).contains("aaa-usd-max.csv"));
    HistoryImporter.FileResult zzz = summary.files().get(1);
    assertThat(zzz.problems()).singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(3));
    PriceSeries stored = jdbi.onDemand(BarDao.class).series(AssetId.of("ZZZ"));
    assertThat(stored.size()).isEqualTo(2);
    assertThat(stored.date(0)).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(stored.marketCap(0)).as("0 market cap is missing").isNaN();
    assertThat(stored.volume(1)).as("0 volume is missing").isNaN();
    assertThat(stored.marketCap(1)).isEqualTo(1000);
  }

  private static HistoryImporter importer(Jdbi jdbi) {
    return new HistoryImporter(new MarketStore(jdbi, Clock.systemUTC()), AssetRegistry.builtIn());
  }

  private static List<String> dataRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
  }

  /**
   * A row "D 00:00:00 UTC,price,cap,volume" is stored as the bar of D−1 with that close, the
   * cap and volume (0 or empty: missing); rows at other times of day are not stored.
   */
  private static void checkRow(PriceSeries series, String row) {
    String[] cells = row.split(",", -1);
    if (!cells[0].endsWith("00:00:00 UTC")) {
      return;
    }
    LocalDate day = LocalDate.parse(cells[0].substring(0, 10)).minusDays(1);
    int i = series.indexOf(day);
    assertThat(i).as("%s has a bar on %s", series.asset(), day).isNotNegative();
    assertThat(series.close(i)).isEqualTo(Double.parseDouble(cells[1]));
    assertAmount(series.marketCap(i), cells[2]);
    assertAmount(series.volume(i), cells[3]);
  }

  private static void assertAmount(double stored, String cell) {
    if (cell.isEmpty() || Double.parseDouble(cell) == 0) {
      assertThat(stored).isNaN();
    } else {
      assertThat(stored).isEqualTo(Double.parseDouble(cell));
    }
  }
}
