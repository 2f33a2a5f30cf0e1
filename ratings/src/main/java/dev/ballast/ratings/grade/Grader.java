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
 *   <li>Per block of {@value #COIN_BLOCK} coins (in parallel): every factor's raw series, with the
 *       O(n) {@link dev.ballast.ratings.indicator.Indicators}, transposed into one day-major array
 *       per factor ({@code [day * coins + coin]}), allocated once per call: ranking reads a day
 *       across the coins, which is then one contiguous run instead of one cache miss per coin.
 *   <li>Per run of consecutive days (in parallel): each ranked factor's values across the coins
 *       are ranked into percentiles with a primitive sort, and accumulated into the trader and
 *       investor grades with their weights. Each factor keeps a {@link
 *       PercentileRanker.History} from day to day, so slow-moving factors are re-sorted from the
 *       previous day's order; the sorting scratch is one per task.
 *   <li>Stablecoins are scored per asset, without ranking.
 * </ol>
 *
 * <p>No per-bar objects: the results stay in primitive arrays in the {@link GradeMatrix}, which
 * builds {@link Grade} objects only when asked for a day. Results do not depend on the thread
 * count: each day's arithmetic runs in a fixed order on one thread. Stateless and thread-safe.
 */
public final class Grader {

  /** Coins whose factor series are computed together and transposed into the day-major arrays. */
  static final int COIN_BLOCK = 32;

  /** Runs of days per core: a few, so that a core that finishes early can take another. */
  private static final int DAY_TASKS_PER_CORE = 4;

  private static final List<Factor> TRADER = Factor.of(Factor.Family.TRADER);
  private static final List<Factor> INVESTOR = Factor.of(Factor.Family.INVESTOR);
  private static final List<Factor> SCORED = Factor.of(Factor.Family.STABLECOIN);
  private static final List<Factor> RANKED =
      Arrays.stream(Factor.values()).filter(Factor::isRanked).toList();

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
    int[] coins = coins(panel);
    int n = coins.length;
    double[][] ranked = rankedArrays(n, days);
    double[][][] scored = scoredArrays(assets);

    // Blocks of COIN_BLOCK coins: each day of a block is one run of consecutive cells of the
    // day-major arrays, so the transposition writes whole cache lines.
    int blocks = (n + COIN_BLOCK - 1) / COIN_BLOCK;
    range(blocks, parallel)
        .forEach(
            b -> {
              int from = b * COIN_BLOCK;
              int width = Math.min(n, from + COIN_BLOCK) - from;
              double[][][] block = new double[width][][];
              for (int k = 0; k < width; k++) {
                block[k] = FactorSeries.compute(panel, coins[from + k], weights);
              }
              double[][] columns = new double[width][];
              for (Factor f : RANKED) {
                double[] out = ranked[f.ordinal()];
                for (int k = 0; k < width; k++) {
                  columns[k] = block[k][f.ordinal()];
                }
                // Day by day, the block's coins side by side: one page and a few cache lines
                // of the day-major array per day, rather than one per value.
                for (int d = 0, row = from; d < days; d++, row += n) {
                  for (int k = 0; k < width; k++) {
                    out[row + k] = columns[k][d];
                  }
                }
              }
            });
    for (int a = 0; a < assets; a++) {
      if (panel.asset(a).isStablecoin()) {
        double[][] series = FactorSeries.compute(panel, a, weights);
        for (Factor f : SCORED) {
          scored[f.ordinal()][a] = series[f.ordinal()];
        }
      }
    }
    return grade(panel, weights, ranked, scored, coins, parallel);
  }

  /**
   * Ranks and combines given raw series ({@code [factor][asset][day]}, null where a factor is not
   * the asset's): the second half of {@link #gradeAll}, apart so tests can feed chosen values.
   */
  static GradeMatrix fromRaw(
      MarketPanel panel, GradeWeights weights, double[][][] raw, boolean parallel) {
    int assets = panel.assetCount();
    int days = panel.days();
    int[] coins = coins(panel);
    int n = coins.length;
    double[][] ranked = rankedArrays(n, days);
    double[][][] scored = scoredArrays(assets);
    for (Factor f : RANKED) {
      for (int j = 0; j < n; j++) {
        double[] s = raw[f.ordinal()][coins[j]];
        for (int d = 0; d < days; d++) {
          ranked[f.ordinal()][d * n + j] = s == null ? Double.NaN : s[d];
        }
      }
    }
    for (Factor f : SCORED) {
      for (int a = 0; a < assets; a++) {
        if (panel.asset(a).isStablecoin()) {
          scored[f.ordinal()][a] = raw[f.ordinal()][a];
        }
      }
    }
    return grade(panel, weights, ranked, scored, coins, parallel);
  }

  private static GradeMatrix grade(
      MarketPanel panel,
      GradeWeights weights,
      double[][] ranked,
      double[][][] scored,
      int[] coins,
      boolean parallel) {
    int assets = panel.assetCount();
    int days = panel.days();
    // Every cell is written below: coins' by the ranking, stablecoins' investor grades by
    // stablecoinGrades and their trader grades (none) here. No fill of 2 × 32 MB with NaN first.
    double[] trader = new double[Math.multiplyExact(assets, days)];
    double[] investor = new double[trader.length];
    for (int a = 0; a < assets; a++) {
      if (panel.asset(a).isStablecoin()) {
        for (int d = 0; d < days; d++) {
          trader[d * assets + a] = Double.NaN;
        }
      }
    }
    GradeMatrix matrix =
        new GradeMatrix(panel, weights, ranked, scored, coins, trader, investor);

    // Contiguous runs of days per task: scratch arrays are made once per task, and each factor's
    // ranker starts from the previous day's order.
    int tasks = parallel ? Math.min(days, DAY_TASKS_PER_CORE
        * Runtime.getRuntime().availableProcessors()) : Math.min(days, 1);
    range(tasks, parallel)
        .forEach(
            t -> {
              RankingPass pass = new RankingPass(matrix);
              int to = (int) ((long) days * (t + 1) / tasks);
              for (int d = (int) ((long) days * t / tasks); d < to; d++) {
                pass.run(d, Factor.Family.TRADER, trader);
                pass.run(d, Factor.Family.INVESTOR, investor);
              }
            });

    for (int a = 0; a < assets; a++) {
      if (panel.asset(a).isStablecoin()) {
        stablecoinGrades(matrix, a, investor);
      }
    }
    return matrix;
  }

  private static int[] coins(MarketPanel panel) {
    return IntStream.range(0, panel.assetCount())
        .filter(a -> !panel.asset(a).isStablecoin())
        .toArray();
  }

  /** One array per ranked factor, {@code [day * coins + coin index]}. */
  private static double[][] rankedArrays(int coins, int days) {
    double[][] ranked = new double[Factor.values().length][];
    for (Factor f : RANKED) {
      ranked[f.ordinal()] = new double[Math.multiplyExact(coins, days)];
    }
    return ranked;
  }

  private static double[][][] scoredArrays(int assets) {
    double[][][] scored = new double[Factor.values().length][][];
    for (Factor f : SCORED) {
      scored[f.ordinal()] = new double[assets][];
    }
    return scored;
  }

  /** The stablecoin investor grade of asset {@code a} on every day, written into {@code out}. */
  private static void stablecoinGrades(GradeMatrix matrix, int a, double[] out) {
    List<Factor> factors = Factor.of(Factor.Family.STABLECOIN);
    GradeWeights weights = matrix.weights();
    double required = weights.minWeightFraction() * weights.total(Factor.Family.STABLECOIN);
    int assets = matrix.panel().assetCount();
    for (int d = 0; d < matrix.panel().days(); d++) {
      double sum = 0;
      double present = 0;
      for (Factor f : factors) {
        double w = weights.weight(f);
        double score = FactorSeries.stablecoinScore(f, matrix.scoredSeries(f, a)[d]);
        if (w > 0 && !Double.isNaN(score)) {
          sum += w * 100 * score;
          present += w;
        }
      }
      out[d * assets + a] = combine(sum, present, required);
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

  /** Ranks and combines one family on one day; scratch and rankers reused across days. */
  private static final class RankingPass {
    private final GradeMatrix matrix;
    private final int[] coins;
    private final int assets;
    private final PercentileRanker ranker;
    private final PercentileRanker.History[] histories; // by factor ordinal, day after day
    private final double[] keys;
    private final double[] sum;
    private final double[] present;

    RankingPass(GradeMatrix matrix) {
      this.matrix = matrix;
      this.coins = matrix.coins();
      this.assets = matrix.panel().assetCount();
      int n = coins.length;
      this.ranker = new PercentileRanker(n);
      this.histories = new PercentileRanker.History[Factor.values().length];
      for (Factor f : RANKED) {
        histories[f.ordinal()] = new PercentileRanker.History(n);
      }
      this.keys = new double[n];
      this.sum = new double[n];
      this.present = new double[n];
    }

    void run(int day, Factor.Family family, double[] grades) {
      int n = coins.length;
      Arrays.fill(sum, 0);
      Arrays.fill(present, 0);
      GradeWeights weights = matrix.weights();
      for (Factor f : family == Factor.Family.TRADER ? TRADER : INVESTOR) {
        double w = weights.weight(f);
        if (w == 0) {
          continue;
        }
        double[] series = matrix.rankedSeries(f);
        int base = day * n;
        switch (f.direction()) {
          case HIGHER_IS_BETTER -> System.arraycopy(series, base, keys, 0, n);
          default -> {
            for (int j = 0; j < n; j++) {
              keys[j] = f.rankKey(series[base + j]);
            }
          }
        }
        ranker.rankAccumulate(histories[f.ordinal()], keys, n, w, sum, present);
      }
      double required = weights.minWeightFraction() * weights.total(family);
      int row = day * assets;
      for (int j = 0; j < n; j++) {
        grades[row + coins[j]] = combine(sum[j], present[j], required);
      }
    }
  }
}
