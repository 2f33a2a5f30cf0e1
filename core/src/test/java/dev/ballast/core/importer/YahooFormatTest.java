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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YahooFormatTest {

  private static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
  private static final AssetId BTC = AssetId.of("BTC");

  @TempDir Path dir;

  @Test
  void readsTheDailyDownloadWithTheDateAsTheBarDay() {
    ParsedHistory h = parse(write(dir, "BTC-USD.csv", HEADER,
        "2024-01-01,42280.23,44175.44,42214.98,44167.33,44167.33,18426978443",
        "2024-01-02,44187.14,45899.71,44176.95,44957.97,44957.97,39335274536"));

    assertThat(h.format()).isEqualTo(SourceFormat.YAHOO);
    assertThat(h.asset()).isEqualTo(BTC);
    assertThat(h.problems()).isEmpty();
    assertThat(h.bars()).containsExactly(
        new DailyBar(BTC, LocalDate.of(2024, 1, 1), 42280.23, 44175.44, 42214.98, 44167.33,
            18426978443.0, Double.NaN),
        new DailyBar(BTC, LocalDate.of(2024, 1, 2), 44187.14, 45899.71, 44176.95, 44957.97,
            39335274536.0, Double.NaN));
  }

  @Test
  void takesColumnOrderFromTheHeaderAndNeedsNoAdjClose() {
    ParsedHistory h = parse(write(dir, "ETH-USD.csv", "volume,close,LOW,High,open,date",
        "1000,10.5,9,11,10,2024-05-06"));

    assertThat(h.problems()).isEmpty();
    assertThat(h.bars()).containsExactly(
        new DailyBar(AssetId.of("ETH"), LocalDate.of(2024, 5, 6), 10, 11, 9, 10.5, 1000,
            Double.NaN));
  }

  @Test
  void usesCloseNotAdjClose() {
    ParsedHistory h = parse(write(dir, "BTC-USD.csv", "Date,Adj Close,Close,Open,High,Low,Volume",
        "2024-01-01,99,10,10,10,10,5"));

    assertThat(h.bars().get(0).close()).isEqualTo(10.0);
  }

  @Test
  void ignoresATimeAfterTheDate() {
    ParsedHistory h = parse(write(dir, "BTC-USD.csv", HEADER,
        "2024-01-01 00:00:00+00:00,1,2,1,2,2,3"));

    assertThat(h.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 1));
  }

  @Test
  void nullDaysAndBadRowsAreReportedAndSkipped() {
    ParsedHistory h = parse(write(dir, "BTC-USD.csv", HEADER,
        "2024-01-01,1,2,1,2,2,3", // 2
        "2024-01-02,null,null,null,null,null,null", // 3: Yahoo's missing day
        "2024-01-03,1,2,1,2,2", // 4: six columns
        "2024-01-04,1,1,2,1.5,1.5,3", // 5: high below low
        "2024-01-05,1,2,1,2,2,3", // 6
        "2024-01-05,1,2,1,2,2,3", // 7: duplicate
        "2024-01-06,1,2,1,-2,-2,3", // 8: negative close
        "2024-01-07,1,2,1,2,2,3")); // 9

    assertThat(h.bars()).extracting(DailyBar::date).containsExactly(
        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 7));
    assertThat(problemLines(h)).containsExactly(3L, 4L, 5L, 7L, 8L);
    assertThat(h.problems().get(0).message()).contains("null");
    assertThat(h.problems().get(2).message()).contains("below low");
  }

  @Test
  void aYahooHeaderWithoutARequiredColumnIsRejectedByName() {
    Path file = write(dir, "BTC-USD.csv", "Date,Open,High,Close", "2024-01-01,1,2,1");

    assertThatThrownBy(() -> parse(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("[low, volume]");
  }

  @Test
  void symbolFromTheTicker() {
    assertThat(symbol("x/USDT-USD.csv")).isEqualTo("USDT");
    assertThat(symbol("UNI7083-USD.csv")).isEqualTo("UNI"); // Yahoo's disambiguation suffix
    assertThat(symbol("1INCH-USD.csv")).isEqualTo("1INCH");
    assertThat(symbol("USD1-USD.csv")).isEqualTo("USD1");
    assertThatThrownBy(() -> symbol("BTC-EUR.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not say the prices are in USD");
    assertThatThrownBy(() -> symbol("download.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BTC-USD.csv");
  }

  private static String symbol(String fileName) {
    return HistoryFiles.symbolFromFileName(Path.of(fileName), SourceFormat.YAHOO).symbol();
  }
}
