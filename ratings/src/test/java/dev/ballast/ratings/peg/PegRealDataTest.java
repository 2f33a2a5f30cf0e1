package dev.ballast.ratings.peg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.testing.SharedData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Peg health on the real CoinGecko closes of USDT, USDC, DAI, PYUSD, USDe, USDS, USDG, PAXG and
 * XAUT. Dates are bar dates: CoinGecko's snapshot at 00:00 of D+1 is stored as the close of D, so
 * USDC's 0.9656 snapshot of 2023-03-12 00:00 is the bar of 2023-03-11.
 */
class PegRealDataTest {

  private static PegReport report;

  @BeforeAll
  static void assess() {
    report =
        PegMonitor.assess(
            SharedData.stablecoinAssets(), SharedData.stablecoinSeries(), PegThresholds.defaults());
  }

  private static PegHealth on(String symbol, String date) {
    return report.on(AssetId.of(symbol), LocalDate.parse(date)).orElseThrow();
  }

  @Test
  void usdcAndDaiDepegOnTheSvbWeekend() {
    PegHealth usdc = on("USDC", "2023-03-11");
    assertThat(usdc.price()).isCloseTo(0.9656, within(1e-4));
    assertThat(usdc.deviation()).isCloseTo(-0.0344, within(1e-4));
    assertThat(usdc.consensusDeviation()).isCloseTo(-0.0372, within(1e-4)); // vs USDT at 1.0029
    assertThat(usdc.status()).isEqualTo(PegStatus.DEPEG);
    assertThat(usdc.reasons().get(0))
        .isEqualTo(
            "close 0.9656 is 3.4% below the 1 USD peg and 3.7% below the other USD stablecoins"
                + " (1.0029) [DEPEG band 2.0%]");
    PegHealth dai = on("DAI", "2023-03-11");
    assertThat(dai.deviation()).isCloseTo(-0.0330, within(1e-4));
    assertThat(dai.status()).isEqualTo(PegStatus.DEPEG);
    assertThat(on("USDT", "2023-03-11").status()).isEqualTo(PegStatus.ON_PEG);

    // Back near the peg at the next close, but watched for a week, then trusted again.
    for (String coin : List.of("USDC", "DAI")) {
      for (int d = 12; d <= 17; d++) {
        assertThat(on(coin, "2023-03-" + d).status())
            .as(coin + " 03-" + d)
            .isEqualTo(PegStatus.WATCH);
      }
      assertThat(on(coin, "2023-03-18").status()).as(coin).isEqualTo(PegStatus.ON_PEG);
      assertThat(on(coin, "2023-03-18").worstDeviation30d()).isLessThan(-0.033);
    }
  }

  @Test
  void calmMonthsAreOnPegForEveryDollarCoin() {
    for (YearMonth month :
        List.of(YearMonth.of(2023, 7), YearMonth.of(2024, 6), YearMonth.of(2025, 6))) {
      for (String coin : List.of("USDT", "USDC", "DAI", "PYUSD", "USDE", "USDS", "USDG")) {
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
          var h = report.on(AssetId.of(coin), d);
          if (h.isPresent()) {
            assertThat(h.get().status())
                .as(coin + " " + d + " " + h.get())
                .isEqualTo(PegStatus.ON_PEG);
          }
        }
      }
    }
  }

  @Test
  void usdtsDipOfMay2022IsTooShallowInDailyClosesToTrip() {
    // Intraday USDT touched 0.95 on 2022-05-12; the daily snapshots show only -0.4%, inside the
    // 0.75% band. Documented as a limit of close-only data.
    PegHealth h = on("USDT", "2022-05-11");
    assertThat(h.deviation()).isCloseTo(-0.0040, within(1e-4));
    assertThat(h.status()).isEqualTo(PegStatus.ON_PEG);
    assertThat(on("USDT", "2022-05-13").worstDeviation7d()).isCloseTo(-0.0040, within(1e-4));
  }

  @Test
  void theGoldPairCannotSayWhichOneMoved() {
    PegHealth paxg = on("PAXG", "2024-06-01");
    assertThat(paxg.status()).isEqualTo(PegStatus.UNKNOWN);
    assertThat(paxg.deviation()).isNaN();
    assertThat(paxg.consensusDeviation()).isCloseTo(0.0059, within(1e-4));
    assertThat(on("XAUT", "2024-06-01").status()).isEqualTo(PegStatus.UNKNOWN);
  }
}
