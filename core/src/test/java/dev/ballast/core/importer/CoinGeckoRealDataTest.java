package dev.ballast.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every real CoinGecko export of the shared data folder and checks the bars against the
 * file text. Fails, not skips, without the data (see {@link SharedData}).
 */
class CoinGeckoRealDataTest {

  private static final int EXPECTED_FILES = 40;
  private static List<Path> files;
  private static Map<Path, ParsedHistory> parsed;
  private static long firstPassNanos;

  @BeforeAll
  static void parseAll() {
    files = HistoryFiles.expand(List.of(SharedData.coingecko()));
    long start = System.nanoTime();
    parsed = new LinkedHashMap<>();
    for (Path file : files) {
      parsed.put(file, HistoryFiles.parse(file, Optional.empty()));
    }
    firstPassNanos = System.nanoTime() - start;
  }

  @Test
  void readsAllFortyFilesAsCoinGecko() {
    assertThat(files).hasSize(EXPECTED_FILES);
    assertThat(parsed.values()).allSatisfy(h -> {
      assertThat(h.format()).isEqualTo(SourceFormat.COINGECKO);
      assertThat(h.bars()).isNotEmpty();
    });
  }

  @Test
  void everyDataRowIsABarOrAReportedProblem() throws IOException {
    for (Path file : files) {
      ParsedHistory h = parsed.get(file);
      List<String> lines = Files.readAllLines(file);
      long dataRows = lines.stream().skip(1).filter(l -> !l.isBlank()).count();
      assertThat(h.bars().size())
          .as("bars of %s", file.getFileName())
          .isEqualTo(dataRows - h.problems().size());
    }
  }

  @Test
  void theOnlyProblemsAreTwoEveningSnapshotsOfBitcoin() {
    Map<String, List<Long>> problemLines = new LinkedHashMap<>();
    parsed.forEach((file, h) -> h.problems().forEach(p -> problemLines
        .computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(p.line())));

    // 2017-06-06 23:29:55 and 2017-06-08 23:39:21: half an hour before midnight, and the next
    // midnight has its own row, so neither is a close
    assertThat(problemLines).containsExactly(Map.entry("btc-usd-max.csv", List.of(1500L, 1502L)));
  }

  @Test
  void theLastRowIsTheCloseOfThePreviousDay() throws IOException {
    for (Path file : files) {
      ParsedHistory h = parsed.get(file);
      List<String> lines = Files.readAllLines(file);
      String[] last = lines.get(lines.size() - 1).split(",");
      DailyBar bar = h.bars().get(h.bars().size() - 1);
      assertThat(bar.date()).as(file.getFileName().toString())
          .isEqualTo(LocalDate.parse(last[0].substring(0, 10)).minusDays(1));
      assertThat(bar.close()).as(file.getFileName().toString())
          .isEqualTo(Double.parseDouble(last[1]));
      assertThat(bar.marketCap()).as(file.getFileName().toString())
          .isEqualTo(Double.parseDouble(last[2]));
    }
  }

  @Test
  void zeroMarketCapsAndVolumesAreMissing() throws IOException {
    for (Path file : files) {
      ParsedHistory h = parsed.get(file);
      Set<Long> skipped = Set.copyOf(Fixtures.problemLines(h));
      List<String> lines = Files.readAllLines(file);
      int zeroCaps = 0;
      int zeroVolumes = 0;
      for (int i = 1; i < lines.size(); i++) {
        if (skipped.contains(i + 1L)) {
          continue;
        }
        String[] f = lines.get(i).split(",", -1);
        zeroCaps += f[2].isEmpty() || Double.parseDouble(f[2]) == 0 ? 1 : 0;
        zeroVolumes += f[3].isEmpty() || Double.parseDouble(f[3]) == 0 ? 1 : 0;
      }
      assertThat(h.bars().stream().filter(b -> Double.isNaN(b.marketCap())).count())
          .as("missing market caps of %s", file.getFileName()).isEqualTo(zeroCaps);
      assertThat(h.bars().stream().filter(b -> Double.isNaN(b.volume())).count())
          .as("missing volumes of %s", file.getFileName()).isEqualTo(zeroVolumes);
    }
  }

  @Test
  void spotValues() {
    ParsedHistory btc = bySymbol("BTC");
    assertThat(btc.bars().get(0)).isEqualTo(DailyBar.ofClose(AssetId.of("BTC"),
        LocalDate.of(2013, 4, 27), 135.3, Double.NaN, 1500517590));
    // a snapshot five minutes late stands in for the missing midnight row
    DailyBar late = bar(btc, LocalDate.of(2018, 1, 29));
    assertThat(late.close()).isEqualTo(11095.2106891266);
    assertThat(late.volume()).isEqualTo(2321424679.531806);
    assertThat(bar(btc, LocalDate.of(2017, 6, 6)).close()).isEqualTo(2716.0588);

    assertThat(bySymbol("PEPE").bars().get(bySymbol("PEPE").bars().size() - 1).close())
        .isEqualTo(4.394985424682529e-06);
    assertThat(bySymbol("UNI").asset()).isEqualTo(AssetId.of("UNI"));
    assertThat(bySymbol("USDE").asset()).isEqualTo(AssetId.of("USDE"));
    // the USDC depeg: the 2023-03-12 midnight snapshot (0.966) is the close of 03-11
    assertThat(bar(bySymbol("USDC"), LocalDate.of(2023, 3, 11)).close()).isLessThan(0.98);
  }

  /**
   * A coarse guard against order-of-magnitude regressions, not a benchmark: the best of three
   * passes, because the build machine is shared and one pass can be slowed by a neighbour. The
   * cold first pass (class loading, JIT) is printed, not asserted, for the same reason.
   */
  @Test
  void parsingAllFilesTakesWellUnderASecond() {
    long best = Long.MAX_VALUE;
    int bars = 0;
    for (int pass = 0; pass < 3; pass++) {
      long start = System.nanoTime();
      bars = 0;
      for (Path file : files) {
        bars += HistoryFiles.parse(file, Optional.empty()).bars().size();
      }
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf("parsed %d CoinGecko files, %d bars: first (cold) pass %d ms, best %d ms%n",
        files.size(), bars, firstPassNanos / 1_000_000, best / 1_000_000);
    assertThat(bars).isGreaterThan(90_000);
    assertThat(best / 1_000_000).isLessThan(1000);
  }

  private static ParsedHistory bySymbol(String symbol) {
    return parsed.values().stream().filter(h -> h.asset().equals(AssetId.of(symbol)))
        .findFirst().orElseThrow();
  }

  private static DailyBar bar(ParsedHistory h, LocalDate date) {
    return h.bars().stream().filter(b -> b.date().equals(date)).findFirst().orElseThrow();
  }
}
