package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A grade as of day D uses only data up to D: replacing every bar after D, of every asset, in
 * every column, with different values leaves every grade, raw factor value and percentile of
 * every day up to D bit-identical.
 */
class NoLookAheadTest {

  private static MarketPanel panel;
  private static GradeMatrix original;

  @BeforeAll
  static void grade() {
    panel = TestPanels.simulated();
    original = Grader.gradeAll(panel, GradeWeights.defaults());
  }

  @Test
  void changingEveryBarAfterDayDLeavesEveryDayUpToDUnchanged() {
    // Early (warm-up), mid-bull, in the 2022 stablecoin collapse (day 1222 is 2022-05-07), late.
    for (int cut : new int[] {120, 700, 1225, 2300}) {
      GradeMatrix changed = Grader.gradeAll(scrambledAfter(panel, cut, cut), GradeWeights.defaults());
      boolean differsAfter = false;
      for (int d = 0; d <= cut; d++) {
        double[][] before = original.percentilesOn(d);
        double[][] after = changed.percentilesOn(d);
        for (int a = 0; a < panel.assetCount(); a++) {
          // Plain comparisons: millions of AssertJ assertions would take the test's seconds.
          String where = panel.asset(a).id() + " on day " + d + " (cut " + cut + ")";
          same("trader", where, original.trader(a, d), changed.trader(a, d));
          same("investor", where, original.investor(a, d), changed.investor(a, d));
          for (Factor f : Factor.values()) {
            same(f, " raw " + where, original.raw(f, a, d), changed.raw(f, a, d));
            same(f, " percentile " + where, before[f.ordinal()][a], after[f.ordinal()][a]);
          }
        }
      }
      for (int a = 0; a < panel.assetCount() && !differsAfter; a++) {
        differsAfter = bits(changed.trader(a, cut + 1)) != bits(original.trader(a, cut + 1))
            || bits(changed.investor(a, cut + 1)) != bits(original.investor(a, cut + 1));
      }
      // Otherwise the test could pass by grading nothing that depends on the data.
      assertThat(differsAfter).as("grades after the cut %d change", cut).isTrue();
    }
  }

  @Test
  void theObjectViewAgreesWithTheMatrixOnTheCutDay() {
    int cut = 1225;
    GradeMatrix changed = Grader.gradeAll(scrambledAfter(panel, cut, 99), GradeWeights.defaults());
    // Records compare doubles by Double.compare, so NaN equals NaN and the bits must match.
    java.util.List<Grade> expected = original.gradesOn(panel.date(cut));
    java.util.List<Grade> actual = changed.gradesOn(panel.date(cut));
    for (int a = 0; a < expected.size(); a++) {
      assertThat(actual.get(a)).isEqualTo(expected.get(a));
    }
  }

  private static void same(Object what, String where, double expected, double actual) {
    if (bits(expected) != bits(actual)) {
      throw new AssertionError(
          what + " " + where + ": bits differ, expected " + expected + ", was " + actual);
    }
  }

  private static long bits(double x) {
    return Double.doubleToRawLongBits(x);
  }

  /** The panel with every value after day {@code cut} replaced by random valid values. */
  static MarketPanel scrambledAfter(MarketPanel p, int cut, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = p.assetCount();
    double[][] c = new double[n][];
    double[][] h = new double[n][];
    double[][] l = new double[n][];
    double[][] v = new double[n][];
    double[][] m = new double[n][];
    for (int a = 0; a < n; a++) {
      c[a] = p.closes(a);
      h[a] = p.highs(a);
      l[a] = p.lows(a);
      v[a] = p.volumes(a);
      m[a] = p.marketCaps(a);
      for (int d = cut + 1; d < p.days(); d++) {
        c[a][d] = 0.01 + random.nextDouble() * 1000;
        h[a][d] = c[a][d] * (1 + random.nextDouble());
        l[a][d] = c[a][d] * random.nextDouble();
        v[a][d] = random.nextDouble() * 1e9;
        m[a][d] = random.nextDouble() * 1e11;
      }
    }
    return MarketPanel.ofColumns(p.assets(), p.start(), c, h, l, v, m);
  }
}
