package dev.ballast.ratings.grade;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Grades every asset of a {@link MarketPanel} on every day: the fast path. Methodology in
 * docs/methodology.md.
 *
 * <ol>
 *   <li>Per asset (in parallel): every factor's raw series, with the O(n) {@link
 *       dev.ballast.ratings.indicator.Indicators}.
 *   <li>Per block of {@value #DAY_BLOCK} days (in parallel): each ranked factor's values across
 *       the coins are ranked into percentiles with a primitive sort, and accumulated into the
 *       trader and investor grades with their weights. A block reads eight consecutive days of
 *       every asset's series, one cache line, rather than one value per line.
 *   <li>Stablecoins are scored per asset, without ranking.
 * </ol>
 *
 * <p>No per-bar objects: the results stay in primitive arrays in the {@link GradeMatrix}, which
 * builds {@link Grade} objects only when asked for a day. Results do not depend on the thread
 * count: each day's arithmetic runs in a fixed order on one thread. Stateless and thread-safe.
 */
public final class Grader {

  static final int DAY_BLOCK = 8;

  /** Below this many asset-days the fork/join overhead outweighs a second core. */
  private static final long PARALLEL_CELLS = 200_000;

  private Grader() {}

  /** Grades every asset on every day of {@code panel} with {@code weights}. */
  public static GradeMatrix gradeAll(MarketPanel panel, GradeWeights weights) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(weights, "weights");
    int assets = panel.assetCount();
    int days = panel.days();
    boolean parallel = (long) assets * days >= PARALLEL_CELLS;

    double[][][] raw = new double[Factor.values().length][assets][];
    range(assets, parallel)
        .forEach(
            a -> {
              double[][] series = FactorSeries.compute(panel, a, weights);
              for (int f = 0; f < series.length; f++) {
                raw[f][a] = series[f];
              }
            });
    return fromRaw(panel, weights, raw, parallel);
  }

  /**
   * Ranks and combines given raw series ({@code [factor][asset][day]}, null where a factor is not
   * the asset's): the second half of {@link #gradeAll}, apart so tests can feed chosen values.
   */
  static GradeMatrix fromRaw(
      MarketPanel panel, GradeWeights weights, double[][][] raw, boolean parallel) {
    int assets = panel.assetCount();
    int days = panel.days();
    int[] coins = IntStream.range(0, assets).filter(a -> !panel.asset(a).isStablecoin()).toArray();
    double[][] trader = nanMatrix(assets, days);
    double[][] investor = nanMatrix(assets, days);
    GradeMatrix matrix = new GradeMatrix(panel, weights, raw, coins, trader, investor);

    int blocks = (days + DAY_BLOCK - 1) / DAY_BLOCK;
    // Contiguous runs of blocks per task, so scratch arrays are made once per task, not per block.
    int tasks = parallel ? Math.min(blocks, 8 * Runtime.getRuntime().availableProcessors()) : 1;
    range(tasks, parallel)
        .forEach(
            t -> {
              RankingPass pass = new RankingPass(matrix, coins.length);
              for (int b = (int) ((long) blocks * t / tasks);
                  b < (long) blocks * (t + 1) / tasks;
                  b++) {
                int from = b * DAY_BLOCK;
                pass.run(from, Math.min(days, from + DAY_BLOCK), Factor.Family.TRADER, trader);
                pass.run(from, Math.min(days, from + DAY_BLOCK), Factor.Family.INVESTOR, investor);
              }
            });

    for (int a = 0; a < assets; a++) {
      if (panel.asset(a).isStablecoin()) {
        stablecoinGrades(matrix, a, investor[a]);
      }
    }
    return matrix;
  }

  /** The stablecoin investor grade of asset {@code a} on every day, written into {@code out}. */
  private static void stablecoinGrades(GradeMatrix matrix, int a, double[] out) {
    List<Factor> factors = Factor.of(Factor.Family.STABLECOIN);
    GradeWeights weights = matrix.weights();
    double required = weights.minWeightFraction() * weights.total(Factor.Family.STABLECOIN);
    for (int d = 0; d < out.length; d++) {
      double sum = 0;
      double present = 0;
      for (Factor f : factors) {
        double w = weights.weight(f);
        double score = FactorSeries.stablecoinScore(f, matrix.rawSeries(f, a)[d]);
        if (w > 0 && !Double.isNaN(score)) {
          sum += w * 100 * score;
          present += w;
        }
      }
      out[d] = combine(sum, present, required);
    }
  }

  /** The grade from weighted percentile sums, or NaN when too little weight is present. */
  static double combine(double sum, double present, double required) {
    return present > 0 && present >= required ? Math.min(100, sum / present) : Double.NaN;
  }

  private static IntStream range(int n, boolean parallel) {
    IntStream range = IntStream.range(0, n);
    return parallel ? range.parallel() : range;
  }

  private static double[][] nanMatrix(int rows, int columns) {
    double[][] m = new double[rows][columns];
    for (double[] row : m) {
      Arrays.fill(row, Double.NaN);
    }
    return m;
  }

  /** Ranks and combines one family over a block of days; scratch reused across blocks. */
  private static final class RankingPass {
    private final GradeMatrix matrix;
    private final int[] coins;
    private final PercentileRanker ranker;
    private final double[][] keys;
    private final double[][] sum;
    private final double[][] present;
    private final double[] percentile;

    RankingPass(GradeMatrix matrix, int coinCount) {
      this.matrix = matrix;
      this.coins = matrix.coins();
      this.ranker = new PercentileRanker(coinCount);
      this.keys = new double[DAY_BLOCK][coinCount];
      this.sum = new double[DAY_BLOCK][coinCount];
      this.present = new double[DAY_BLOCK][coinCount];
      this.percentile = new double[coinCount];
    }

    void run(int from, int to, Factor.Family family, double[][] grades) {
      int width = to - from;
      int n = coins.length;
      for (int k = 0; k < width; k++) {
        Arrays.fill(sum[k], 0);
        Arrays.fill(present[k], 0);
      }
      GradeWeights weights = matrix.weights();
      for (Factor f : Factor.of(family)) {
        double w = weights.weight(f);
        if (w == 0) {
          continue;
        }
        double[][] series = matrix.rawSeries(f);
        for (int j = 0; j < n; j++) {
          double[] s = series[coins[j]];
          for (int k = 0; k < width; k++) {
            keys[k][j] = f.rankKey(s[from + k]);
          }
        }
        for (int k = 0; k < width; k++) {
          ranker.rank(keys[k], n, percentile);
          double[] sk = sum[k];
          double[] pk = present[k];
          for (int j = 0; j < n; j++) {
            double p = percentile[j];
            if (p == p) {
              sk[j] += w * p;
              pk[j] += w;
            }
          }
        }
      }
      double required = weights.minWeightFraction() * weights.total(family);
      for (int j = 0; j < n; j++) {
        double[] g = grades[coins[j]];
        for (int k = 0; k < width; k++) {
          g[from + k] = combine(sum[k][j], present[k][j], required);
        }
      }
    }
  }
}
