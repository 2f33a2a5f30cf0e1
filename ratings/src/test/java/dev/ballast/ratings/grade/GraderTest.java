package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraderTest {

  private static MarketPanel panel;
  private static GradeMatrix matrix;

  @BeforeAll
  static void gradeTheSimulatedMarket() {
    panel = TestPanels.simulated();
    matrix = Grader.gradeAll(panel, GradeWeights.defaults());
  }

  @Test
  void everyGradeIsWithinTheScaleAndMostAssetsAreGradedOnceWarmedUp() {
    int graded = 0;
    for (int a = 0; a < panel.assetCount(); a++) {
      for (int d = 0; d < panel.days(); d++) {
        for (double g : new double[] {matrix.trader(a, d), matrix.investor(a, d)}) {
          if (!Double.isNaN(g)) {
            assertThat(g).isBetween(0.0, 100.0);
            graded++;
          }
        }
      }
    }
    int last = panel.days() - 1;
    long coinsWithBoth =
        java.util.stream.IntStream.range(0, panel.assetCount())
            .filter(a -> !panel.asset(a).isStablecoin())
            .filter(a -> !Double.isNaN(matrix.trader(a, last)))
            .filter(a -> !Double.isNaN(matrix.investor(a, last)))
            .count();
    assertThat(coinsWithBoth).isEqualTo(panel.assets().stream().filter(x -> !x.isStablecoin())
        .count());
    assertThat(graded).isGreaterThan(panel.assetCount() * panel.days());
  }

  @Test
  void breakdownContributionsSumToTheGradeAndWeightsToOne() {
    for (int day : new int[] {40, 400, 1000, 1900, panel.days() - 1}) {
      for (Grade g : matrix.gradesOn(panel.date(day))) {
        check(g.traderGrade(), g.traderBreakdown());
        check(g.investorGrade(), g.investorBreakdown());
      }
    }
  }

  private static void check(double grade, List<FactorScore> breakdown) {
    double sum = breakdown.stream().mapToDouble(FactorScore::contribution).sum();
    double weights = breakdown.stream().mapToDouble(FactorScore::weight).sum();
    if (Double.isNaN(grade)) {
      assertThat(sum).isZero();
      return;
    }
    assertThat(sum).isCloseTo(grade, offset(1e-9));
    assertThat(weights).isCloseTo(1, offset(1e-12));
  }

  @Test
  void stablecoinsHaveNoTraderGradeAndCoinsRankOnlyAmongCoins() {
    int last = panel.days() - 1;
    for (Grade g : matrix.gradesOn(panel.date(last))) {
      Asset asset = panel.asset(panel.indexOf(g.asset()));
      if (asset.isStablecoin()) {
        assertThat(g.traderGrade()).isNaN();
        assertThat(g.zone()).isNull();
        assertThat(g.recommendation()).isEqualTo(Recommendation.NOT_RATED);
        assertThat(g.traderBreakdown()).isEmpty();
        assertThat(g.investorBreakdown()).extracting(FactorScore::factor)
            .containsExactly("PEG_MEAN_DEVIATION_90", "PEG_WORST_DEVIATION_90", "COLLATERAL",
                "STABLE_SIZE", "STABLE_TURNOVER_30");
      } else {
        assertThat(g.zone()).isEqualTo(TraderZone.of(g.traderGrade()));
        assertThat(g.recommendation()).isEqualTo(
            Recommendation.of(g.traderGrade(), g.investorGrade()));
      }
    }
    // A percentile of 100 exists on each ranked factor among coins: no stablecoin took the top.
    double[][] p = matrix.percentilesOn(last);
    for (Factor f : Factor.values()) {
      if (f.isRanked() && f != Factor.HISTORY) { // every coin is at the history cap: tied
        double max = 0;
        for (int a = 0; a < panel.assetCount(); a++) {
          if (panel.asset(a).isStablecoin()) {
            assertThat(p[f.ordinal()][a]).isNaN();
          } else if (p[f.ordinal()][a] > max) {
            max = p[f.ordinal()][a];
          }
        }
        assertThat(max).as(f.name()).isEqualTo(100);
      }
    }
  }

  @Test
  void theBestAssetOnEveryFactorGetsTheTopGrade() {
    // Raw values chosen directly: asset 0 is best on every factor (RSI nearest 60, lowest
    // drawdown), the others strictly worse and in varying order.
    int assets = 5;
    int days = 3;
    MarketPanel p = TestPanels.coins(days, 1, 0, 0, 0, 0, 0);
    double[][][] raw = new double[Factor.values().length][assets][];
    for (Factor f : Factor.values()) {
      if (!f.isRanked()) {
        continue;
      }
      for (int a = 0; a < assets; a++) {
        double[] s = new double[days];
        for (int d = 0; d < days; d++) {
          double badness = a == 0 ? 0 : 1 + (a * 7 + d * 3 + f.ordinal()) % 4;
          s[d] =
              switch (f.direction()) {
                case HIGHER_IS_BETTER -> 10 - badness;
                case LOWER_IS_BETTER -> 0.1 + badness;
                case CLOSER_TO_TARGET -> Factor.RSI_TARGET + (a % 2 == 0 ? 1 : -1) * 5 * badness;
              };
        }
        raw[f.ordinal()][a] = s;
      }
    }
    GradeMatrix m = Grader.fromRaw(p, GradeWeights.defaults(), raw, false);
    for (int d = 0; d < days; d++) {
      assertThat(m.trader(0, d)).isEqualTo(100);
      assertThat(m.investor(0, d)).isEqualTo(100);
      for (int a = 1; a < assets; a++) {
        assertThat(m.trader(a, d)).isLessThan(100);
        assertThat(m.investor(a, d)).isLessThan(100);
      }
    }
    Grade top = m.grade(AssetId.of("C0"), TestPanels.START);
    assertThat(top.zone()).isEqualTo(TraderZone.SURGING);
    assertThat(top.recommendation()).isEqualTo(Recommendation.STRONG_BUY);
    assertThat(top.traderBreakdown()).allSatisfy(s -> assertThat(s.percentile()).isEqualTo(100));
  }

  @Test
  void weightsRenormaliseOverThePresentFactorsAndTooLittleWeightGivesNoGrade() {
    // C0..C5 trade for 400 days; C6 lists on day 360, so on day 399 it has 40 closes: no SMA 200
    // (weight 10), no SMA 50 (15), MACD (needs 34: present), so 75 of 100 trader weight present.
    MarketPanel p = TestPanels.coins(400, 3, 0, 0, 0, 0, 0, 0, 360);
    GradeMatrix m = Grader.gradeAll(p, GradeWeights.defaults());
    Grade young = m.grade(AssetId.of("C6"), p.date(399));
    List<String> missing = new ArrayList<>();
    double sum = 0;
    double present = 0;
    for (FactorScore s : young.traderBreakdown()) {
      if (Double.isNaN(s.percentile())) {
        missing.add(s.factor());
        assertThat(s.weight()).isZero();
      } else {
        double w = GradeWeights.defaults().weight(Factor.valueOf(s.factor()));
        sum += w * s.percentile();
        present += w;
        assertThat(s.weight()).isCloseTo(w / 75, offset(1e-12));
      }
    }
    assertThat(missing).containsExactly("TREND_SMA_50", "TREND_SMA_200");
    assertThat(present).isEqualTo(75);
    assertThat(young.traderGrade()).isCloseTo(sum / present, offset(1e-12));
    // Investor factors need a year (Sharpe, Sortino, drawdown): 45 of 100 present, below half.
    assertThat(young.investorGrade()).isNaN();
    assertThat(young.investorBreakdown()).allSatisfy(s -> assertThat(s.weight()).isZero());
    assertThat(young.recommendation()).isNotEqualTo(Recommendation.NOT_RATED);
    // On day 370 it has 11 closes: only ROC 7 (15) is present, below half: no trader grade.
    assertThat(m.trader(6, 370)).isNaN();
    assertThat(m.grade(AssetId.of("C6"), p.date(370)).recommendation())
        .isEqualTo(Recommendation.NOT_RATED);
    // Raising the required share to 0.8 takes its grade on day 399 away.
    GradeWeights strict =
        new GradeWeights(
            GradeWeights.defaults().trader(),
            GradeWeights.defaults().investor(),
            GradeWeights.defaults().stablecoin(),
            GradeWeights.defaults().collateralScores(),
            0.8);
    assertThat(Grader.gradeAll(p, strict).trader(6, 399)).isNaN();
  }

  @Test
  void aZeroWeightTakesAFactorOutOfTheGrade() {
    MarketPanel p = TestPanels.coins(60, 5, 0, 0, 0, 0);
    GradeWeights onlyRoc7 = GradeWeights.defaults();
    for (Factor f : Factor.of(Factor.Family.TRADER)) {
      onlyRoc7 = onlyRoc7.with(f, f == Factor.ROC_7 ? 1 : 0);
    }
    GradeMatrix m = Grader.gradeAll(p, onlyRoc7);
    double[][] pct = m.percentilesOn(59);
    for (int a = 0; a < 4; a++) {
      assertThat(m.trader(a, 59)).isEqualTo(pct[Factor.ROC_7.ordinal()][a]);
    }
  }
}
