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

class CoinGeckoFormatTest {

  private static final String HEADER = "snapped_at,price,market_cap,total_volume";

  @TempDir Path dir;

  @Test
  void snapshotAtMidnightIsTheCloseOfThePreviousDay() {
    ParsedHistory h = parse(write(dir, "btc-usd-max.csv", HEADER,
        "2024-03-02 00:00:00 UTC,100,2000,300",
        "2024-03-03 00:00:00 UTC,101.5,2030.0,310.0"));

    assertThat(h.format()).isEqualTo(SourceFormat.COINGECKO);
    assertThat(h.asset()).isEqualTo(AssetId.of("BTC"));
    assertThat(h.problems()).isEmpty();
    assertThat(h.bars()).containsExactly(
        DailyBar.ofClose(AssetId.of("BTC"), LocalDate.of(2024, 3, 1), 100, 300, 2000),
        DailyBar.ofClose(AssetId.of("BTC"), LocalDate.of(2024, 3, 2), 101.5, 310, 2030));
    DailyBar first = h.bars().get(0);
    assertThat(first.open()).isNaN();
    assertThat(first.high()).isNaN();
    assertThat(first.low()).isNaN();
  }

  @Test
  void zeroOrEmptyMarketCapAndVolumeAreMissing() {
    ParsedHistory h = parse(write(dir, "btc-usd-max.csv", HEADER,
        "2013-04-28 00:00:00 UTC,135.3,1500517590,0",
        "2013-04-29 00:00:00 UTC,141.96,0.0,0.0",
        "2017-04-02 00:00:00 UTC,1.5,,42"));

    assertThat(h.problems()).isEmpty();
    assertThat(h.bars()).hasSize(3);
    assertThat(h.bars().get(0).marketCap()).isEqualTo(1500517590.0);
    assertThat(h.bars().get(0).volume()).isNaN();
    assertThat(h.bars().get(1).marketCap()).isNaN();
    assertThat(h.bars().get(1).volume()).isNaN();
    assertThat(h.bars().get(2).marketCap()).isNaN();
    assertThat(h.bars().get(2).volume()).isEqualTo(42.0);
  }

  @Test
  void keepsFullPrecisionOfTinyPrices() {
    ParsedHistory h = parse(write(dir, "pepe-usd-max.csv", HEADER,
        "2026-02-18 00:00:00 UTC,4.394985424682529e-06,1848535742.950197,370989767.126472"));

    assertThat(h.bars().get(0).close()).isEqualTo(4.394985424682529e-06);
  }

  @Test
  void snapshotsMinutesFromMidnightCountAsMidnightOthersAreSkipped() {
    ParsedHistory h = parse(write(dir, "btc-usd-max.csv", HEADER,
        "2018-01-29 00:00:00 UTC,10,1,1",
        "2018-01-30 00:05:18 UTC,11,1,1", // late midnight snapshot: close of 01-29
        "2018-01-30 23:50:00 UTC,12,1,1", // early midnight snapshot: close of 01-30
        "2018-02-01 00:00:00 UTC,13,1,1",
        "2018-02-01 14:23:11 UTC,14,1,1")); // the "now" row of an export

    assertThat(h.bars()).extracting(DailyBar::date).containsExactly(
        LocalDate.of(2018, 1, 28), LocalDate.of(2018, 1, 29), LocalDate.of(2018, 1, 30),
        LocalDate.of(2018, 1, 31));
    assertThat(h.bars()).extracting(DailyBar::close).containsExactly(10.0, 11.0, 12.0, 13.0);
    assertThat(problemLines(h)).containsExactly(6L);
    assertThat(h.problems().get(0).message()).contains("14:23:11").contains("not a daily close");
  }

  @Test
  void badRowsAreReportedWithTheirLineAndGoodRowsSurvive() {
    ParsedHistory h = parse(write(dir, "eth-usd-max.csv", HEADER,
        "2024-01-02 00:00:00 UTC,1,1,1", // line 2
        "2024-01-03 00:00:00 UTC,abc,1,1", // 3: not a number
        "2024-01-04 00:00:00 UTC,-5,1,1", // 4: negative price
        "2024-01-05 00:00:00 UTC,0,1,1", // 5: zero price
        "2024-01-06 00:00:00 UTC,2,1", // 6: three columns
        "",
        "2024-01-07 00:00:00 UTC,3,-1,1", // 8: negative market cap
        "2024-01-08 00:00:00 UTC,4,1,1", // 9: good
        "2024-01-08 00:00:00 UTC,5,1,1", // 10: duplicate
        "2024-01-07 00:00:00 UTC,6,1,1", // 11: backwards
        "24-01-09 00:00:00 UTC,7,1,1", // 12: bad date
        "2024-02-30 00:00:00 UTC,7,1,1", // 13: no such date
        "2024-01-10 00:00:00 UTC,NaN,1,1", // 14: NaN is not a price
        "2024-01-11 00:00:00 UTC,8,1,1")); // 15: good

    assertThat(h.bars()).extracting(DailyBar::close).containsExactly(1.0, 4.0, 8.0);
    assertThat(h.bars()).extracting(DailyBar::date).containsExactly(
        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    assertThat(problemLines(h)).containsExactly(3L, 4L, 5L, 6L, 8L, 10L, 11L, 12L, 13L, 14L);
    assertThat(h.problems().get(0).message()).contains("price").contains("abc");
    assertThat(h.problems().get(3).message()).contains("expected 4 columns, found 3");
    assertThat(h.problems().get(5).message()).contains("duplicate day 2024-01-07")
        .contains("line 9");
    assertThat(h.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(h.file()));
  }

  @Test
  void readsColumnsByNameAndToleratesCrLfAndByteOrderMark() {
    ParsedHistory h = parse(write(dir, "sol-usd-max.csv",
        "\uFEFFprice,snapped_at,total_volume,market_cap\r",
        "20.5,2024-01-02 00:00:00 UTC,7,9\r"));

    assertThat(h.problems()).isEmpty();
    assertThat(h.bars()).containsExactly(
        DailyBar.ofClose(AssetId.of("SOL"), LocalDate.of(2024, 1, 1), 20.5, 7, 9));
  }

  @Test
  void symbolComesFromTheFileNameInAnyCaseUnlessOverridden() {
    Path uni = write(dir, "Uni-usd-max.csv", HEADER, "2024-01-02 00:00:00 UTC,1,1,1");

    assertThat(parse(uni).asset()).isEqualTo(AssetId.of("UNI"));
    assertThat(parse(uni, "uniswap").asset()).isEqualTo(AssetId.of("UNISWAP"));
    assertThat(parse(uni, "uniswap").bars().get(0).asset()).isEqualTo(AssetId.of("UNISWAP"));
  }

  @Test
  void aFileNameMustSayUsdUnlessTheSymbolIsGiven() {
    Path eur = write(dir, "btc-eur-max.csv", HEADER, "2024-01-02 00:00:00 UTC,1,1,1");

    assertThatThrownBy(() -> parse(eur))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("btc-eur-max.csv")
        .hasMessageContaining("USD");
    assertThat(parse(eur, "BTC").bars()).hasSize(1);
    assertThat(HistoryFiles.symbolFromFileName(Path.of("USDe-usd-max.csv"),
        SourceFormat.COINGECKO)).isEqualTo(AssetId.of("USDE"));
  }

  @Test
  void headerOnlyGivesNoBars() {
    ParsedHistory h = parse(write(dir, "btc-usd-max.csv", HEADER));

    assertThat(h.bars()).isEmpty();
    assertThat(h.problems()).isEmpty();
  }
}
