package dev.ballast.core.importer;

import static dev.ballast.core.importer.Fixtures.parse;
import static dev.ballast.core.importer.Fixtures.problemLines;
import static dev.ballast.core.importer.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceFormatTest {

  private static final String HEADER = "open_time,open,high,low,close,volume,close_time,"
      + "quote_asset_volume,number_of_trades,taker_buy_base_asset_volume,"
      + "taker_buy_quote_asset_volume,ignore";
  private static final AssetId BTC = AssetId.of("BTC");
  private static final long DAY_MS = 86_400_000L;
  private static final long HOUR_MS = 3_600_000L;
  private static final long JAN_1_2024_MS = 1_704_067_200_000L;

  @TempDir Path dir;

  /** A kline row; {@code unit} 1 for milliseconds, 1000 for microseconds. */
  private static String kline(long openMs, long lengthMs, double o, double h, double l, double c,
      double quoteVolume, long unit) {
    return (openMs * unit) + "," + o + "," + h + "," + l + "," + c + ",1.5,"
        + ((openMs + lengthMs) * unit - 1) + "," + quoteVolume + ",100,0.7,"
        + (quoteVolume / 2) + ",0";
  }

  private static String daily(int day, double o, double h, double l, double c, double qv) {
    return kline(JAN_1_2024_MS + day * DAY_MS, DAY_MS, o, h, l, c, qv, 1);
  }

  @Test
  void dailyKlinesWithHeaderAreOneBarEach() {
    ParsedHistory h = parse(write(dir, "BTCUSDT-1d-2024-01.csv", HEADER,
        daily(0, 42283.58, 44184.1, 42180.77, 44179.55, 1.2e9),
        daily(1, 44179.55, 45879.63, 44148.34, 44946.91, 2.1e9)));

    assertThat(h.format()).isEqualTo(SourceFormat.BINANCE);
    assertThat(h.asset()).isEqualTo(BTC);
    assertThat(h.problems()).isEmpty();
    assertThat(h.bars()).containsExactly(
        new DailyBar(BTC, LocalDate.of(2024, 1, 1), 42283.58, 44184.1, 42180.77, 44179.55, 1.2e9,
            Double.NaN),
        new DailyBar(BTC, LocalDate.of(2024, 1, 2), 44179.55, 45879.63, 44148.34, 44946.91, 2.1e9,
            Double.NaN));
  }

  @Test
  void headerIsOptionalAndTheFirstRowIsThenData() {
    ParsedHistory withHeader = parse(write(dir, "BTCUSDT-1d-2024-01.csv", HEADER,
        daily(0, 1, 2, 1, 2, 10), daily(1, 2, 3, 2, 3, 10)));
    ParsedHistory without = parse(write(dir, "BTCUSDT-1d-2024-02.csv",
        daily(0, 1, 2, 1, 2, 10), daily(1, 2, 3, 2, 3, 10)));

    assertThat(without.problems()).isEmpty();
    assertThat(without.bars()).isEqualTo(withHeader.bars()).hasSize(2);
  }

  @Test
  void microsecondTimesAreRecognisedByMagnitude() {
    ParsedHistory millis = parse(write(dir, "ETHUSDC-1d-2024-01.csv",
        kline(JAN_1_2024_MS, DAY_MS, 1, 2, 1, 2, 10, 1)));
    ParsedHistory micros = parse(write(dir, "ETHUSDC-1d-2025-01.csv",
        kline(JAN_1_2024_MS, DAY_MS, 1, 2, 1, 2, 10, 1000)));

    assertThat(micros.problems()).isEmpty();
    assertThat(micros.bars()).isEqualTo(millis.bars());
    assertThat(micros.bars().get(0).date()).isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @Test
  void hourlyKlinesAggregateToUtcDays() {
    List<String> rows = new ArrayList<>();
    rows.add(HEADER);
    // 24 hours of 2024-01-01, then 3 hours of 2024-01-02 (the file stops mid-day)
    for (int i = 0; i < 27; i++) {
      double o = 100 + i;
      rows.add(kline(JAN_1_2024_MS + i * HOUR_MS, HOUR_MS, o, o + 5, o - 3, o + 1, 1000 + i, 1));
    }
    ParsedHistory h = parse(write(dir, "BTCFDUSD-1h-2024-01.csv", rows.toArray(String[]::new)));

    assertThat(h.problems()).isEmpty();
    double firstDayVolume = 0;
    for (int i = 0; i < 24; i++) {
      firstDayVolume += 1000 + i;
    }
    assertThat(h.bars()).containsExactly(
        new DailyBar(BTC, LocalDate.of(2024, 1, 1), 100, 128, 97, 124, firstDayVolume, Double.NaN),
        new DailyBar(BTC, LocalDate.of(2024, 1, 2), 124, 131, 121, 127, 1024 + 1025 + 1026,
            Double.NaN));
  }

  @Test
  void badRowsAreReportedWithTheirLineAndGoodRowsSurvive() {
    ParsedHistory h = parse(write(dir, "BTCUSDT-1d-2024-01.csv",
        daily(0, 1, 2, 1, 2, 10), // line 1 (no header)
        daily(1, 1, 1, 2, 1.5, 10), // 2: high below low
        daily(2, 1, 2, 1, 2, 10) + ",extra", // 3: 13 columns
        daily(3, -1, 2, 1, 2, 10), // 4: negative open
        daily(4, 1, 2, 1, 0, 10), // 5: zero close
        daily(5, 1, 2, 1, 2, 10), // 6
        daily(5, 9, 9, 9, 9, 10), // 7: duplicate
        daily(4, 1, 2, 1, 2, 10), // 8: backwards
        daily(6, 1, 2, 1, 2, 10).replace("1.5", "x"), // 9: volume is not parsed, still good
        "1704585600000,1,2,1,2,1,notatime,1,1,1,1,0", // 10: bad close_time
        kline(JAN_1_2024_MS + 7 * DAY_MS, 3 * DAY_MS, 1, 2, 1, 2, 10, 1))); // 11: 3d kline

    assertThat(h.bars()).extracting(DailyBar::date).containsExactly(
        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7));
    assertThat(h.bars().get(1).close()).isEqualTo(2.0); // the first of the duplicates
    assertThat(problemLines(h)).containsExactly(2L, 3L, 4L, 5L, 7L, 8L, 10L, 11L);
    assertThat(h.problems().get(4).message()).contains("duplicate").contains("line 6");
    assertThat(h.problems().get(7).message()).contains("more than one day");
  }

  @Test
  void symbolIsThePairWithoutItsUsdQuote() {
    assertThat(symbol("BTCUSDT-1d-2024-01.csv")).isEqualTo("BTC");
    assertThat(symbol("ETHFDUSD-1h-2025-03.csv")).isEqualTo("ETH");
    assertThat(symbol("BNBTUSD-1d-2023-01.csv")).isEqualTo("BNB");
    assertThat(symbol("USDCUSDT-1d-2024-01.csv")).isEqualTo("USDC");
    assertThat(symbol("TUSDUSDT-1d-2024-01.csv")).isEqualTo("TUSD");
    assertThat(symbol("SOLBUSD-4h-2022-01.csv")).isEqualTo("SOL");
    assertThat(symbol("BTCDAI-1d-2021-01.csv")).isEqualTo("BTC");
    assertThat(symbol("solusdc.csv")).isEqualTo("SOL");
    assertThatThrownBy(() -> symbol("ETHBTC-1d-2024-01.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ETHBTC")
        .hasMessageContaining("not quoted");
    assertThatThrownBy(() -> symbol("USDT-1d-2024-01.csv"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNonUsdPairCanStillBeReadWithAnExplicitSymbol() {
    ParsedHistory h = parse(write(dir, "ETHBTC-1d-2024-01.csv", daily(0, 1, 2, 1, 2, 10)), "ETH");

    assertThat(h.asset()).isEqualTo(AssetId.of("ETH"));
    assertThat(h.bars()).hasSize(1);
  }

  private static String symbol(String fileName) {
    return HistoryFiles.symbolFromFileName(Path.of(fileName), SourceFormat.BINANCE).symbol();
  }
}
