package dev.ballast.ratings.peg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.price.PriceSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PegMonitorTest {

  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 60;
  private static final PegThresholds T = PegThresholds.defaults();

  /** A synthetic stablecoin: closes (and optionally lows) on a dense calendar from START. */
  private static final class Coin {
    final Asset asset;
    final double[] close = filled(1.0);
    final double[] low = filled(Double.NaN);
    final double[] cap = filled(1e9);
    final double[] volume = filled(1e8);

    Coin(String symbol, String peg) {
      asset =
          Asset.stablecoin(
              AssetId.of(symbol),
              symbol,
              new StablecoinTerms(peg, BigDecimal.ONE, Collateral.FIAT_BACKED, symbol));
    }

    PriceSeries series(int days) {
      PriceSeries.Builder b = PriceSeries.builder(asset.id(), days);
      for (int d = 0; d < days; d++) {
        double lo = Math.min(low[d], close[d]);
        double hi = Double.isNaN(low[d]) ? Double.NaN : close[d];
        b.add(START.plusDays(d), Double.NaN, hi, lo, close[d], volume[d], cap[d]);
      }
      return b.build();
    }

    private static double[] filled(double v) {
      double[] x = new double[DAYS];
      Arrays.fill(x, v);
      return x;
    }
  }

  private static List<Coin> usdCoins(int n) {
    List<Coin> coins = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      coins.add(new Coin("USD" + (char) ('A' + i), "USD"));
    }
    return coins;
  }

  private static PegReport assess(List<Coin> coins) {
    return assess(coins, DAYS, T);
  }

  private static PegReport assess(List<Coin> coins, int days, PegThresholds t) {
    return PegMonitor.assess(
        coins.stream().map(c -> c.asset).toList(),
        coins.stream().map(c -> c.series(days)).toList(),
        t);
  }

  private static PegHealth on(PegReport r, Coin c, int day) {
    return r.on(c.asset.id(), START.plusDays(day)).orElseThrow();
  }

  @Test
  void everyStablecoinOffTogetherIsTheReferenceMovingNotThePegs() {
    List<Coin> coins = usdCoins(4);
    for (Coin c : coins) {
      c.close[40] = 0.995; // the 0.5% artefact of the real feed
      c.close[45] = 0.985; // and one beyond the WATCH band, still together
      c.close[46] = 1.012;
    }
    PegReport r = assess(coins);
    for (Coin c : coins) {
      for (int d : new int[] {40, 45, 46}) {
        PegHealth h = on(r, c, d);
        assertThat(h.status()).as(c.asset.id() + " day " + d).isEqualTo(PegStatus.ON_PEG);
        assertThat(h.consensusDeviation()).isCloseTo(0, within(1e-12));
      }
      assertThat(on(r, c, 45).deviation()).isCloseTo(-0.015, within(1e-12));
      assertThat(on(r, c, 45).reasons())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("1.5% below the peg", "reference moved, not the peg");
    }
  }

  @Test
  void oneCoinOffBothReferencesIsFlaggedAndTheReasonNamesBoth() {
    List<Coin> coins = usdCoins(4);
    coins.get(2).close[30] = 0.97;
    coins.get(1).close[50] = 0.99;
    PegReport r = assess(coins);
    PegHealth h = on(r, coins.get(2), 30);
    assertThat(h.status()).isEqualTo(PegStatus.DEPEG);
    assertThat(h.deviation()).isCloseTo(-0.03, within(1e-12));
    assertThat(h.consensusDeviation()).isCloseTo(-0.03, within(1e-12));
    assertThat(h.reasons().get(0))
        .isEqualTo(
            "close 0.9700 is 3.0% below the 1 USD peg and 3.0% below the other USD stablecoins"
                + " (1.0000) [DEPEG band 2.0%]");
    assertThat(on(r, coins.get(1), 50).status()).isEqualTo(PegStatus.WATCH);
    for (Coin other : List.of(coins.get(0), coins.get(1), coins.get(3))) {
      assertThat(on(r, other, 30).status()).isEqualTo(PegStatus.ON_PEG);
    }
  }

  @Test
  void theConsensusIsCapWeightedSoTwoSmallCoinsFailingTogetherDoNotMoveIt() {
    List<Coin> coins = usdCoins(3);
    Arrays.fill(coins.get(0).cap, 70e9);
    Arrays.fill(coins.get(1).cap, 40e9);
    Arrays.fill(coins.get(2).cap, 5e9);
    coins.get(1).close[30] = 0.966; // USDC and DAI on 2023-03-11, USDT at 1.003
    coins.get(2).close[30] = 0.967;
    coins.get(0).close[30] = 1.003;
    PegReport r = assess(coins);
    assertThat(on(r, coins.get(1), 30).consensusDeviation())
        .isCloseTo(0.966 / 1.003 - 1, within(1e-12));
    assertThat(on(r, coins.get(1), 30).status()).isEqualTo(PegStatus.DEPEG);
    assertThat(on(r, coins.get(2), 30).status()).isEqualTo(PegStatus.DEPEG);
    assertThat(on(r, coins.get(0), 30).status()).isEqualTo(PegStatus.ON_PEG);
  }

  @Test
  void withoutCapsTheConsensusIsThePlainMedian() {
    List<Coin> coins = usdCoins(4);
    for (Coin c : coins) {
      c.cap[30] = Double.NaN;
    }
    coins.get(1).close[30] = 0.99;
    coins.get(2).close[30] = 1.004;
    coins.get(3).close[30] = 1.002;
    PegReport r = assess(coins);
    // The others of A are 0.99, 1.004 and 1.002: median 1.002.
    assertThat(on(r, coins.get(0), 30).consensusDeviation())
        .isCloseTo(1 / 1.002 - 1, within(1e-12));
    // The others of D are 1.0, 0.99 and 1.004: median 1.0.
    assertThat(on(r, coins.get(3), 30).consensusDeviation()).isCloseTo(0.002, within(1e-12));
  }

  @Test
  void aLoneCoinIsJudgedOnItsTargetAlone() {
    Coin lone = new Coin("USDA", "USD");
    lone.close[20] = 0.97;
    PegReport r = assess(List.of(lone));
    PegHealth h = on(r, lone, 20);
    assertThat(h.consensusDeviation()).isNaN();
    assertThat(h.status()).isEqualTo(PegStatus.DEPEG);
    assertThat(h.reasons()).anyMatch(s -> s.contains("judged on the peg alone"));
  }

  @Test
  void intradayLowsTripTheirOwnBands() {
    List<Coin> coins = usdCoins(3);
    Coin c = coins.get(0);
    c.close[20] = 0.999;
    c.low[20] = 0.94; // 6% below: DEPEG although the close hides it
    c.close[40] = 0.999;
    c.low[40] = 0.985; // 1.5% below: WATCH
    c.low[50] = 0.992; // 0.8%: inside the 1% intraday band
    PegReport r = assess(coins);
    assertThat(on(r, c, 20).status()).isEqualTo(PegStatus.DEPEG);
    assertThat(on(r, c, 20).reasons().get(0)).startsWith("low 0.9400 is 6.0% below the 1 USD peg");
    assertThat(on(r, c, 20).worstDeviation7d()).isCloseTo(-0.06, within(1e-12));
    assertThat(on(r, c, 40).status()).isEqualTo(PegStatus.WATCH);
    assertThat(on(r, c, 50).status()).isEqualTo(PegStatus.ON_PEG);
  }

  @Test
  void repeatedSlipsBecomeDepegAndARecoveredPegIsWatchedForAWeek() {
    List<Coin> coins = usdCoins(3);
    Coin c = coins.get(0);
    c.close[10] = 0.99;
    c.close[12] = 0.99;
    c.close[15] = 0.99; // third off-peg day within 7
    c.close[30] = 0.97; // one DEPEG day
    PegReport r = assess(coins);
    assertThat(on(r, c, 10).status()).isEqualTo(PegStatus.WATCH);
    assertThat(on(r, c, 11).status()).isEqualTo(PegStatus.ON_PEG);
    assertThat(on(r, c, 12).status()).isEqualTo(PegStatus.WATCH);
    assertThat(on(r, c, 15).status()).isEqualTo(PegStatus.DEPEG);
    assertThat(on(r, c, 16).status()).isEqualTo(PegStatus.DEPEG); // 12, 15 and ... 10 left
    assertThat(on(r, c, 16).reasons()).isNotEmpty();
    assertThat(on(r, c, 30).status()).isEqualTo(PegStatus.DEPEG);
    for (int d = 31; d <= 36; d++) {
      assertThat(on(r, c, d).status()).as("day " + d).isEqualTo(PegStatus.WATCH);
    }
    assertThat(on(r, c, 31).reasons().get(0)).contains("DEPEG on " + START.plusDays(30));
    assertThat(on(r, c, 37).status()).isEqualTo(PegStatus.ON_PEG);
    assertThat(on(r, c, 37).daysOffPeg30d()).isEqualTo(4); // days 10, 12, 15 and 30
    assertThat(on(r, c, 16).daysOffPeg30d()).isEqualTo(3);
  }

  @Test
  void windowsAreHandComputable() {
    List<Coin> coins = usdCoins(3);
    Coin c = coins.get(0);
    c.close[20] = 1.004;
    c.close[22] = 0.998;
    PegReport r = assess(coins);
    PegHealth h = on(r, c, 26);
    // Days 20..26: |dev| 0.004, 0, 0.002, 0, 0, 0, 0.
    assertThat(h.worstDeviation7d()).isCloseTo(0.004, within(1e-12));
    assertThat(h.meanAbsDeviation7d()).isCloseTo(0.006 / 7, within(1e-12));
    PegHealth later = on(r, c, 27);
    assertThat(later.worstDeviation7d()).isCloseTo(-0.002, within(1e-12));
    assertThat(later.worstDeviation30d()).isCloseTo(0.004, within(1e-12));
    assertThat(later.meanAbsDeviation30d()).isCloseTo(0.006 / 28, within(1e-12));
  }

  @Test
  void aPegWithoutAUsdPriceNeedsTwoWitnesses() {
    Coin gold1 = new Coin("GLDA", "XAU");
    Coin gold2 = new Coin("GLDB", "XAU");
    for (Coin g : List.of(gold1, gold2)) {
      Arrays.fill(g.close, 2000);
    }
    gold2.close[20] = 2100;
    PegReport pair = assess(List.of(gold1, gold2));
    PegHealth h = on(pair, gold1, 20);
    assertThat(h.status()).isEqualTo(PegStatus.UNKNOWN);
    assertThat(h.deviation()).isNaN();
    assertThat(h.consensusDeviation()).isCloseTo(2000.0 / 2100 - 1, within(1e-12));
    assertThat(h.reasons().get(0)).contains("only 1 other XAU stablecoin");

    // Unequal caps, as real coins have: with two equally weighted witnesses the median would be
    // their mean, and one wayward witness would drag it half way.
    Coin gold3 = new Coin("GLDC", "XAU");
    Arrays.fill(gold3.close, 2000);
    Arrays.fill(gold1.cap, 3e9);
    Arrays.fill(gold3.cap, 2e9);
    PegReport trio = assess(List.of(gold1, gold2, gold3));
    assertThat(on(trio, gold2, 20).status()).isEqualTo(PegStatus.DEPEG);
    assertThat(on(trio, gold1, 20).status()).isEqualTo(PegStatus.ON_PEG);
    assertThat(on(trio, gold2, 19).status()).isEqualTo(PegStatus.ON_PEG);
  }

  @Test
  void aPegOfAnotherCurrencyIsNoWitnessOfTheDollar() {
    List<Coin> coins = new ArrayList<>(usdCoins(1));
    Coin gold = new Coin("GLDA", "XAU");
    Arrays.fill(gold.close, 2000);
    coins.add(gold);
    PegReport r = assess(coins);
    assertThat(on(r, coins.get(0), 5).consensusDeviation()).isNaN();
  }

  @Test
  void aShrinkingOrThinlyTradedCoinGetsALiquidityWarningNotAStatus() {
    List<Coin> coins = usdCoins(3);
    Coin shrinking = coins.get(0);
    for (int d = 20; d < DAYS; d++) {
      shrinking.cap[d] = 1e9 * Math.pow(0.97, d - 20);
    }
    Coin thin = coins.get(1);
    Arrays.fill(thin.volume, 1e5); // 0.01% of the cap a day
    PegReport r = assess(coins);
    PegHealth h = on(r, shrinking, 55);
    assertThat(h.status()).isEqualTo(PegStatus.ON_PEG);
    assertThat(h.liquidityWarning()).isTrue();
    assertThat(h.isHealthy()).isFalse();
    assertThat(h.reasons()).anyMatch(s -> s.startsWith("liquidity: market cap fell"));
    assertThat(on(r, shrinking, 40).liquidityWarning()).isFalse(); // 0.97^20 = 0.54
    assertThat(on(r, thin, 20).liquidityWarning()).isTrue();
    assertThat(on(r, thin, 10).liquidityWarning()).isFalse(); // fewer than 15 days to judge
    assertThat(on(r, coins.get(2), 55).isHealthy()).isTrue();
  }

  @Test
  void dayDDependsOnNoBarAfterD() {
    List<Coin> coins = usdCoins(3);
    coins.get(0).close[25] = 0.99;
    PegReport full = assess(coins);
    List<Coin> changed = usdCoins(3);
    changed.get(0).close[25] = 0.99;
    for (Coin c : changed) {
      for (int d = 31; d < DAYS; d++) {
        c.close[d] = 0.5 + 0.01 * d;
        c.cap[d] = 1;
      }
    }
    PegReport other = assess(changed);
    PegReport truncated = assess(coins, 31, T);
    for (int i = 0; i < coins.size(); i++) {
      for (int d = 0; d <= 30; d++) {
        assertThat(on(other, changed.get(i), d)).isEqualTo(on(full, coins.get(i), d));
        assertThat(on(truncated, coins.get(i), d)).isEqualTo(on(full, coins.get(i), d));
      }
    }
  }

  @Test
  void inputsAreChecked() {
    List<Coin> coins = usdCoins(2);
    List<Asset> assets = coins.stream().map(c -> c.asset).toList();
    List<PriceSeries> series = coins.stream().map(c -> c.series(DAYS)).toList();
    assertThatThrownBy(() -> PegMonitor.assess(assets, series.subList(0, 1), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no series for USDB");
    assertThatThrownBy(() -> PegMonitor.assess(assets.subList(0, 1), series, T))
        .hasMessageContaining("not listed")
        .hasMessageContaining("USDB");
    assertThatThrownBy(
            () -> PegMonitor.assess(List.of(assets.get(0), assets.get(0)), series.subList(0, 1), T))
        .hasMessageContaining("USDA is listed twice");
    assertThatThrownBy(
            () ->
                PegMonitor.assess(assets, List.of(series.get(0), series.get(0), series.get(1)), T))
        .hasMessageContaining("two series of USDA");
    Asset btc = Asset.coin(AssetId.of("BTC"), "Bitcoin");
    assertThatThrownBy(
            () -> PegMonitor.assess(List.of(btc), List.of(PriceSeries.of(btc.id(), List.of())), T))
        .hasMessageContaining("BTC is a COIN, not a stablecoin");
    assertThat(PegMonitor.assess(List.of(), List.of(), T).assets()).isEmpty();
    assertThatThrownBy(() -> PegMonitor.assess(assets, series, T).history(AssetId.of("XYZ")))
        .hasMessageContaining("no peg history of XYZ");
  }

  @Test
  void asOfGivesEachCoinsLatestDay() {
    List<Coin> coins = usdCoins(2);
    PegReport r = assess(coins);
    assertThat(r.asOf(START.plusDays(100)))
        .extracting(PegHealth::date)
        .containsOnly(START.plusDays(DAYS - 1));
    assertThat(r.asOf(START.minusDays(1))).isEmpty();
  }
}
