package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StablecoinGradeTest {

  private static final int DAYS = 200;

  /** Two stablecoins of given collateral with the given closes, equal size and volume. */
  private static GradeMatrix grade(Asset x, double[] closeX, Asset y, double[] closeY) {
    double[] cap = TestPanels.filled(DAYS, 5e9);
    double[] volume = TestPanels.filled(DAYS, 5e8);
    MarketPanel p =
        MarketPanel.ofColumns(
            List.of(x, y),
            TestPanels.START,
            new double[][] {closeX, closeY},
            null,
            null,
            new double[][] {volume, volume.clone()},
            new double[][] {cap, cap.clone()});
    return Grader.gradeAll(p, GradeWeights.defaults());
  }

  private static double[] wobble(double amplitude) {
    double[] c = new double[DAYS];
    for (int d = 0; d < DAYS; d++) {
      c[d] = 1 + amplitude * Math.sin(d * 0.7);
    }
    return c;
  }

  @Test
  void aStablecoinThatDepegsGradesBelowASteadyOne() {
    double[] depegging = wobble(0.0005);
    for (int d = 120; d < 125; d++) {
      depegging[d] = 0.9;
    }
    GradeMatrix m =
        grade(
            TestPanels.usdStablecoin("STEADY", Collateral.FIAT_BACKED),
            wobble(0.0005),
            TestPanels.usdStablecoin("DEPEG", Collateral.FIAT_BACKED),
            depegging);
    assertThat(m.investor(1, 119)).isEqualTo(m.investor(0, 119));
    assertThat(m.investor(1, 130)).isLessThan(m.investor(0, 130) - 20);
    // Still remembered 60 days on, forgotten once the depeg leaves the 90-day window.
    assertThat(m.investor(1, 180)).isLessThan(m.investor(0, 180));
    assertThat(m.investor(0, 130)).isGreaterThan(95); // size $5B scores 0.9 of 10 points
    Grade g = m.grade(AssetId.of("DEPEG"), TestPanels.START.plusDays(130));
    assertThat(g.investorBreakdown().get(1).raw()).isCloseTo(0.1, org.assertj.core.data.Offset
        .offset(1e-12));
    assertThat(g.investorBreakdown().get(1).percentile())
        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anIntradayDepegInTheLowCountsEvenWhenTheCloseHidesIt() {
    double[] close = wobble(0.0005);
    double[][] low = {close.clone(), close.clone()};
    low[1][150] = 0.87;
    MarketPanel p =
        MarketPanel.ofColumns(
            List.of(
                TestPanels.usdStablecoin("A", Collateral.FIAT_BACKED),
                TestPanels.usdStablecoin("B", Collateral.FIAT_BACKED)),
            TestPanels.START,
            new double[][] {close, close.clone()},
            new double[][] {close.clone(), close.clone()},
            low,
            new double[][] {TestPanels.filled(DAYS, 1e8), TestPanels.filled(DAYS, 1e8)},
            new double[][] {TestPanels.filled(DAYS, 1e9), TestPanels.filled(DAYS, 1e9)});
    GradeMatrix m = Grader.gradeAll(p, GradeWeights.defaults());
    assertThat(m.investor(1, 160)).isLessThan(m.investor(0, 160));
  }

  @Test
  void aFiatBackedStablecoinOutranksAnAlgorithmicOneWithTheSamePegHistory() {
    GradeMatrix m =
        grade(
            TestPanels.usdStablecoin("FIAT", Collateral.FIAT_BACKED),
            wobble(0.001),
            TestPanels.usdStablecoin("ALGO", Collateral.ALGORITHMIC),
            wobble(0.001));
    for (int d = 90; d < DAYS; d++) {
      assertThat(m.investor(0, d)).isGreaterThan(m.investor(1, d));
    }
    // Collateral weight 25 of 100, scores 1.0 and 0.2: 20 grade points apart.
    assertThat(m.investor(0, 150) - m.investor(1, 150))
        .isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aGoldPeggedStablecoinIsNotGradedWithoutAGoldPrice() {
    Asset gold =
        Asset.stablecoin(
            AssetId.of("GOLDX"),
            null,
            new StablecoinTerms("XAU", BigDecimal.ONE, Collateral.COMMODITY_BACKED, "x"));
    double[] price = TestPanels.filled(DAYS, 2000);
    GradeMatrix m =
        grade(gold, price, TestPanels.usdStablecoin("USDX", Collateral.FIAT_BACKED), wobble(0));
    assertThat(m.investor(0, 150)).isNaN();
    assertThat(m.investor(1, 150)).isGreaterThan(95);
    Grade g = m.grade(AssetId.of("GOLDX"), TestPanels.START.plusDays(150));
    assertThat(g.investorBreakdown().get(0).raw()).isNaN();
    assertThat(g.investorBreakdown().get(2).raw()).isEqualTo(0.8);
  }

  @Test
  void aShrinkingIlliquidStablecoinLosesGradeOnLiquidity() {
    double[] close = wobble(0.0005);
    Asset big = TestPanels.usdStablecoin("BIG", Collateral.FIAT_BACKED);
    Asset small = TestPanels.usdStablecoin("SMALL", Collateral.FIAT_BACKED);
    double[] smallCap = TestPanels.filled(DAYS, 3e7);
    double[] smallVolume = TestPanels.filled(DAYS, 3e5);
    MarketPanel p =
        MarketPanel.ofColumns(
            List.of(big, small),
            TestPanels.START,
            new double[][] {close, close.clone()},
            null,
            null,
            new double[][] {TestPanels.filled(DAYS, 5e8), smallVolume},
            new double[][] {TestPanels.filled(DAYS, 5e9), smallCap});
    GradeMatrix m = Grader.gradeAll(p, GradeWeights.defaults());
    assertThat(m.investor(1, 150)).isLessThan(m.investor(0, 150) - 10);
  }
}
