package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentileRankerTest {

  private static double[] rank(double... x) {
    double[] out = new double[x.length];
    new PercentileRanker(x.length).rank(x, x.length, out);
    return out;
  }

  @Test
  void ranksFromZeroToHundred() {
    assertThat(rank(3, 1, 2)).containsExactly(100, 0, 50);
    assertThat(rank(-5, 10, 0, 7, -1)).containsExactly(0, 100, 50, 75, 25);
  }

  @Test
  void tiesShareTheirAverageRank() {
    // Sorted: 1, 2, 2, 2, 5: the 2s hold ranks 2..4 (1-based), average 3 -> 100 * 2 / 4.
    assertThat(rank(2, 5, 2, 1, 2)).containsExactly(50, 100, 50, 0, 50);
    // Two tied at the top: ranks 3 and 4 of 4, average 3.5 -> 100 * 2.5 / 3.
    assertThat(rank(9, 1, 9, 4)).containsExactly(250.0 / 3, 0, 250.0 / 3, 100.0 / 3);
    assertThat(rank(0.0, -0.0, 1)).containsExactly(25, 25, 100);
  }

  @Test
  void nanIsLeftOutAndStaysNaN() {
    double[] out = rank(Double.NaN, 4, Double.NaN, 1, 7);
    assertThat(out[0]).isNaN();
    assertThat(out[2]).isNaN();
    assertThat(out[1]).isEqualTo(50);
    assertThat(out[3]).isEqualTo(0);
    assertThat(out[4]).isEqualTo(100);
  }

  @Test
  void aLoneValueOrAllEqualValuesGetFifty() {
    assertThat(rank(Double.NaN, 3)[1]).isEqualTo(50);
    assertThat(rank(2, 2, 2)).containsExactly(50, 50, 50);
    assertThat(rank(Double.NaN, Double.NaN)).containsOnly(Double.NaN);
  }

  @Test
  void infinitiesRankAtTheEnds() {
    assertThat(rank(Double.POSITIVE_INFINITY, 1e300, Double.NEGATIVE_INFINITY, 0))
        .containsExactly(100, 200.0 / 3, 0, 100.0 / 3);
  }

  @Test
  void valuesThatDifferOnlyInTheLowestBitsAreStillOrderedExactly() {
    // The packed keys drop the lowest bits, so these share a key and sort by position first.
    double x = 1.0;
    double[] values = new double[64];
    for (int i = 0; i < values.length; i++) {
      values[values.length - 1 - i] = x;
      x = Math.nextUp(x);
    }
    double[] out = rank(values);
    for (int i = 1; i < out.length; i++) {
      assertThat(out[i]).isLessThan(out[i - 1]);
    }
    assertThat(out[0]).isEqualTo(100);
    assertThat(out[63]).isEqualTo(0);
  }

  @Test
  void agreesWithBruteForceOnRandomDataWithTies() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    PercentileRanker ranker = new PercentileRanker(500);
    for (int round = 0; round < 50; round++) {
      int n = 1 + random.nextInt(500);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(10);
        x[i] = kind == 0 ? Double.NaN : kind < 4 ? random.nextInt(5) : random.nextGaussian();
      }
      double[] out = new double[n];
      ranker.rank(x, n, out);
      int m = 0;
      for (double v : x) {
        m += Double.isNaN(v) ? 0 : 1;
      }
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(x[i])) {
          assertThat(out[i]).isNaN();
          continue;
        }
        int below = 0;
        int equal = 0;
        for (double v : x) {
          below += v < x[i] ? 1 : 0;
          equal += v == x[i] ? 1 : 0;
        }
        double expected = m == 1 ? 50 : 100.0 * (below + (equal - 1) / 2.0) / (m - 1);
        assertThat(out[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }
}
