package dev.ballast.ratings.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradeEvaluationTest {

  /** Asset a grows by a × 0.1% a day, so higher a always has the higher forward return. */
  private static double[][] steadyGrowers(int assets, int days) {
    double[][] close = new double[assets][days];
    for (int a = 0; a < assets; a++) {
      for (int d = 0; d < days; d++) {
        close[a][d] = 100 * Math.pow(1 + 0.001 * a, d);
      }
    }
    return close;
  }

  private static double[][] grades(int assets, int days, java.util.function.IntToDoubleFunction g) {
    double[][] grade = new double[assets][days];
    for (int a = 0; a < assets; a++) {
      Arrays.fill(grade[a], g.applyAsDouble(a));
    }
    return grade;
  }

  @Test
  void aPerfectPredictorScoresOneAndAnInverseOneMinusOne() {
    double[][] close = steadyGrowers(20, 100);
    EvaluationResult perfect = GradeEvaluation.evaluate(grades(20, 100, a -> a), close, 7);
    assertThat(perfect.dates()).isEqualTo(14); // days 0, 7, ..., 91 have a close 7 days later
    assertThat(perfect.meanSpearman()).isCloseTo(1, within(1e-12));
    assertThat(perfect.hitRate()).isEqualTo(1.0);
    assertThat(perfect.spearmanTStat()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(perfect.meanSpread()).isPositive();

    EvaluationResult inverse = GradeEvaluation.evaluate(grades(20, 100, a -> 100 - a), close, 7);
    assertThat(inverse.meanSpearman()).isCloseTo(-1, within(1e-12));
    assertThat(inverse.hitRate()).isZero();
    assertThat(inverse.meanSpread()).isCloseTo(-perfect.meanSpread(), within(1e-12));
  }

  @Test
  void aRandomGradePredictsNothingOnAverage() {
    SplittableRandom random = new SplittableRandom(11);
    int assets = 40;
    int days = 1500;
    double[][] close = new double[assets][days];
    double[][] grade = new double[assets][days];
    for (int a = 0; a < assets; a++) {
      double price = 100;
      for (int d = 0; d < days; d++) {
        price *= Math.exp(0.03 * (random.nextDouble() - 0.5));
        close[a][d] = price;
        grade[a][d] = random.nextDouble(0, 100);
      }
    }
    EvaluationResult r = GradeEvaluation.evaluate(grade, close, 1, 1);
    assertThat(r.dates()).isEqualTo(days - 1);
    assertThat(r.meanSpearman()).isCloseTo(0, within(0.02));
    assertThat(Math.abs(r.spearmanTStat())).isLessThan(4);
    assertThat(r.hitRate()).isCloseTo(0.5, within(0.05));
  }

  @Test
  void quintileSpreadOnAConstructedCrossSection() {
    // Ten assets, one evaluated day, horizon 1: grades 1..10, returns chosen by hand.
    double[] returns = {-0.05, 0.01, 0.02, -0.01, 0.00, 0.03, 0.01, -0.02, 0.04, 0.10};
    double[][] close = new double[10][2];
    double[][] grade = new double[10][2];
    for (int a = 0; a < 10; a++) {
      close[a][0] = 50;
      close[a][1] = 50 * (1 + returns[a]);
      grade[a][0] = a + 1;
      grade[a][1] = Double.NaN;
    }
    EvaluationResult r = GradeEvaluation.evaluate(grade, close, 1, 1);
    assertThat(r.dates()).isOne();
    DatedIc ic = r.series().get(0);
    assertThat(ic.assets()).isEqualTo(10);
    assertThat(ic.topQuintileReturn()).isCloseTo((0.04 + 0.10) / 2, within(1e-12));
    assertThat(ic.bottomQuintileReturn()).isCloseTo((-0.05 + 0.01) / 2, within(1e-12));
    assertThat(r.meanSpread()).isCloseTo(0.07 - -0.02, within(1e-12));
    // Return ranks (ties averaged): -0.05→1, 0.01→5.5, 0.02→7, -0.01→3, 0→4, 0.03→8, 0.01→5.5,
    // -0.02→2, 0.04→9, 0.10→10; against grade ranks 1..10: sum d² = 0+12.25+16+1+1+4+2.25+36+0+0.
    double sumD2 = 72.5;
    double expected = pearsonOfRanks(new double[] {1, 5.5, 7, 3, 4, 8, 5.5, 2, 9, 10});
    assertThat(ic.spearman()).isCloseTo(expected, within(1e-12));
    assertThat(ic.spearman()).isCloseTo(1 - 6 * sumD2 / (10 * 99), within(0.01)); // no-tie formula
  }

  private static double pearsonOfRanks(double[] returnRanks) {
    double mx = 5.5;
    double my = Arrays.stream(returnRanks).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < returnRanks.length; i++) {
      sxy += (i + 1 - mx) * (returnRanks[i] - my);
      sxx += (i + 1 - mx) * (i + 1 - mx);
      syy += (returnRanks[i] - my) * (returnRanks[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void tiesShareTheirAverageRank() {
    double[] x = {30, 20, 20, 10, 20};
    double[] rank = new double[5];
    GradeEvaluation.averageRanks(x, 5, new int[5], rank);
    assertThat(rank).containsExactly(5, 3, 3, 1, 3);
  }

  @Test
  void missingGradesAndClosesLeaveAssetsOutAndThinDatesAreSkipped() {
    int days = 30;
    double[][] close = steadyGrowers(12, days);
    double[][] grade = grades(12, days, a -> a);
    grade[0][0] = Double.NaN; // day 0: 11 assets left
    close[1][7] = Double.NaN; // day 0's forward close, and day 7's own close: gone
    for (int a = 0; a < 3; a++) {
      grade[a][14] = Double.NaN; // day 14: 9 assets, below the minimum of 10
    }
    EvaluationResult r = GradeEvaluation.evaluate(grade, close, 7, 7);
    assertThat(r.series()).extracting(DatedIc::day).containsExactly(0, 7, 21);
    assertThat(r.series()).extracting(DatedIc::assets).containsExactly(10, 11, 12);
    assertThat(r.meanSpearman()).isCloseTo(1, within(1e-12));
    assertThat(GradeEvaluation.evaluate(grade, close, 7, 7, 5).dates()).isEqualTo(4);
  }

  @Test
  void overlappingStepsEvaluateMoreDates() {
    double[][] close = steadyGrowers(10, 100);
    double[][] grade = grades(10, 100, a -> a);
    assertThat(GradeEvaluation.evaluate(grade, close, 7, 1).dates()).isEqualTo(93);
    assertThat(GradeEvaluation.evaluate(grade, close, 90).dates())
        .isEqualTo(1); // day 90 has no day 180
    assertThat(GradeEvaluation.evaluate(grade, close, 100).dates()).isZero();
    EvaluationResult none = GradeEvaluation.evaluate(grade, close, 100);
    assertThat(none.meanSpearman()).isNaN();
    assertThat(none.spearmanTStat()).isNaN();
  }

  @Test
  void allTiedGradesSayNothing() {
    double[][] close = steadyGrowers(10, 20);
    assertThat(GradeEvaluation.evaluate(grades(10, 20, a -> 50), close, 1).dates()).isZero();
  }

  @Test
  void badShapesAndParametersAreRefused() {
    double[][] two = new double[2][5];
    assertThatThrownBy(() -> GradeEvaluation.evaluate(two, new double[3][5], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grades have 2 assets but closes 3");
    assertThatThrownBy(
            () -> GradeEvaluation.evaluate(two, new double[][] {new double[5], new double[4]}, 1))
        .hasMessageContaining("asset 1 has 5 and 4");
    assertThatThrownBy(() -> GradeEvaluation.evaluate(two, two, 0))
        .hasMessageContaining("horizonDays must be at least 1, was 0");
    assertThatThrownBy(() -> GradeEvaluation.evaluate(two, two, 1, 0))
        .hasMessageContaining("stepDays must be at least 1, was 0");
    assertThatThrownBy(() -> GradeEvaluation.evaluate(two, two, 1, 1, 4))
        .hasMessageContaining("minAssets must be at least 5 for quintiles, was 4");
  }
}
