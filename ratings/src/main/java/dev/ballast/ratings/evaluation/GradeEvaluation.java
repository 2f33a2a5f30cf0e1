package dev.ballast.ratings.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Measures a grade's predictive power on history: on each evaluated day, the Spearman rank
 * correlation between the assets' grades and their forward returns, and the mean return of the
 * top-graded fifth against the bottom fifth. Pure computation over {@code [asset][day]} columns on
 * one shared calendar; missing values are NaN. Stateless and thread-safe.
 *
 * <p>See {@code docs/methodology.md} for the method and its limits.
 */
public final class GradeEvaluation {

  /** The horizon for the short-term trader grade, in days. */
  public static final int TRADER_HORIZON = 7;

  /** The horizon for the long-term investor grade, in days. */
  public static final int INVESTOR_HORIZON = 90;

  /** Fewer assets than this on a day and the day is skipped: a rank IC of 5 assets is noise. */
  public static final int DEFAULT_MIN_ASSETS = 10;

  /** Quintiles need at least one asset in each fifth. */
  public static final int MIN_ASSETS = 5;

  private GradeEvaluation() {}

  /**
   * As {@link #evaluate(double[][], double[][], int, int, int)} with {@value #DEFAULT_MIN_ASSETS}
   * assets.
   */
  public static EvaluationResult evaluate(
      double[][] gradeByAssetByDay, double[][] closeByAssetByDay, int horizonDays, int stepDays) {
    return evaluate(
        gradeByAssetByDay, closeByAssetByDay, horizonDays, stepDays, DEFAULT_MIN_ASSETS);
  }

  /** As above with the step equal to the horizon, so that no two forward returns overlap. */
  public static EvaluationResult evaluate(
      double[][] gradeByAssetByDay, double[][] closeByAssetByDay, int horizonDays) {
    return evaluate(gradeByAssetByDay, closeByAssetByDay, horizonDays, horizonDays);
  }

  /**
   * Evaluates the days {@code 0, step, 2·step, ...} that have a close {@code horizon} days later.
   * On each, the cross-section is the assets with a grade that day and closes that day and {@code
   * horizon} days later; the forward return is {@code close[d + h] / close[d] - 1}. Ties take
   * average ranks. The quintiles are the {@code max(1, m / 5)} highest and lowest graded of the
   * {@code m} assets (ties at the cut broken by asset order).
   *
   * @throws IllegalArgumentException if the arrays are not the same rectangular shape, or the
   *     horizon, step or minimum is out of range
   */
  public static EvaluationResult evaluate(
      double[][] gradeByAssetByDay,
      double[][] closeByAssetByDay,
      int horizonDays,
      int stepDays,
      int minAssets) {
    Objects.requireNonNull(gradeByAssetByDay, "gradeByAssetByDay");
    Objects.requireNonNull(closeByAssetByDay, "closeByAssetByDay");
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be at least 1, was " + horizonDays);
    }
    if (stepDays < 1) {
      throw new IllegalArgumentException("stepDays must be at least 1, was " + stepDays);
    }
    if (minAssets < MIN_ASSETS) {
      throw new IllegalArgumentException(
          "minAssets must be at least " + MIN_ASSETS + " for quintiles, was " + minAssets);
    }
    int assets = gradeByAssetByDay.length;
    if (closeByAssetByDay.length != assets) {
      throw new IllegalArgumentException(
          "grades have "
              + assets
              + " assets but closes "
              + closeByAssetByDay.length
              + ": both are [asset][day]");
    }
    int days = assets == 0 ? 0 : gradeByAssetByDay[0].length;
    for (int a = 0; a < assets; a++) {
      if (gradeByAssetByDay[a].length != days || closeByAssetByDay[a].length != days) {
        throw new IllegalArgumentException(
            "every asset needs "
                + days
                + " days of grades and closes; asset "
                + a
                + " has "
                + gradeByAssetByDay[a].length
                + " and "
                + closeByAssetByDay[a].length);
      }
    }
    double[] grade = new double[assets];
    double[] forward = new double[assets];
    double[] gradeRank = new double[assets];
    double[] returnRank = new double[assets];
    int[] order = new int[assets];
    List<DatedIc> series = new ArrayList<>();
    for (int d = 0; d + horizonDays < days; d += stepDays) {
      int m = 0;
      for (int a = 0; a < assets; a++) {
        double g = gradeByAssetByDay[a][d];
        double r = closeByAssetByDay[a][d + horizonDays] / closeByAssetByDay[a][d] - 1;
        if (!Double.isNaN(g) && !Double.isNaN(r) && !Double.isInfinite(r)) {
          grade[m] = g;
          forward[m] = r;
          m++;
        }
      }
      if (m < minAssets) {
        continue;
      }
      averageRanks(grade, m, order, gradeRank);
      averageRanks(forward, m, order, returnRank);
      double ic = pearson(gradeRank, returnRank, m);
      if (Double.isNaN(ic)) {
        continue; // every grade or every return tied: no ranking to judge
      }
      sortIndices(grade, m, order);
      int q = Math.max(1, m / 5);
      double bottom = 0;
      double top = 0;
      for (int i = 0; i < q; i++) {
        bottom += forward[order[i]];
        top += forward[order[m - 1 - i]];
      }
      series.add(new DatedIc(d, m, clampIc(ic), top / q, bottom / q));
    }
    return summarise(horizonDays, series);
  }

  private static EvaluationResult summarise(int horizon, List<DatedIc> series) {
    int n = series.size();
    double sumIc = 0;
    double sumTop = 0;
    double sumBottom = 0;
    int positive = 0;
    for (DatedIc ic : series) {
      sumIc += ic.spearman();
      sumTop += ic.topQuintileReturn();
      sumBottom += ic.bottomQuintileReturn();
      if (ic.spearman() > 0) {
        positive++;
      }
    }
    double mean = n == 0 ? Double.NaN : sumIc / n;
    double tStat = Double.NaN;
    if (n >= 2) {
      double ss = 0;
      for (DatedIc ic : series) {
        double e = ic.spearman() - mean;
        ss += e * e;
      }
      double sd = Math.sqrt(ss / (n - 1));
      // Every IC equal: infinitely significant if non-zero, undefined if zero.
      tStat =
          sd < 1e-12
              ? (mean == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, mean))
              : mean / (sd / Math.sqrt(n));
    }
    double meanTop = n == 0 ? Double.NaN : sumTop / n;
    double meanBottom = n == 0 ? Double.NaN : sumBottom / n;
    return new EvaluationResult(
        horizon,
        n,
        mean,
        tStat,
        n == 0 ? Double.NaN : (double) positive / n,
        meanTop,
        meanBottom,
        meanTop - meanBottom,
        series);
  }

  /** Ranks 1..m of {@code x[0..m)}, ties sharing the mean of their ranks. */
  static void averageRanks(double[] x, int m, int[] order, double[] rank) {
    sortIndices(x, m, order);
    int i = 0;
    while (i < m) {
      int j = i;
      while (j + 1 < m && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double r = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = r;
      }
      i = j + 1;
    }
  }

  /**
   * Indices 0..m sorted by {@code x}, stable, without boxing: insertion sort on a cross-section.
   */
  private static void sortIndices(double[] x, int m, int[] order) {
    for (int i = 0; i < m; i++) {
      int k = i;
      double v = x[i];
      while (k > 0 && x[order[k - 1]] > v) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
  }

  private static double pearson(double[] x, double[] y, int m) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < m; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= m;
    my /= m;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < m; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double clampIc(double ic) {
    return Math.max(-1, Math.min(1, ic));
  }
}
