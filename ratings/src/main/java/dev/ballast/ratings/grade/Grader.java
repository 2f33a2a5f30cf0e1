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

  /** At most this many days per ranking task, so that its day-major scratch stays small. */
  private static final int MAX_TASK_DAYS = 128;

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
    double[][] ranked = rankedArrays(n, days, parallel);
    double[][][] scored = scoredArrays(assets);

    // Blocks of COIN_BLOCK coins per task; each series is one sequential copy into the
    // coin-major arrays (the ranking gathers them into day-major runs, a task's days at a time).
    // A task computes its coins into one set of series and scratch, reused coin after coin.
    int blocks = (n + COIN_BLOCK - 1) / COIN_BLOCK;
    range(blocks, parallel)
        .forEach(
            b -> {
              double[][] series = new double[Factor.values().length][];
              for (Factor f : RANKED) {
                series[f.ordinal()] = new double[days];
              }
              FactorSeries.Scratch scratch = new FactorSeries.Scratch(days);
              int to = Math.min(n, (b + 1) * COIN_BLOCK);
              for (int j = b * COIN_BLOCK; j < to; j++) {
                FactorSeries.coinInto(panel, coins[j], scratch, series);
                for (Factor f : RANKED) {
                  System.arraycopy(series[f.ordinal()], 0, ranked[f.ordinal()], j * days, days);
                }
              }
            });
    int[] stablecoins =
        IntStream.range(0, assets).filter(a -> panel.asset(a).isStablecoin()).toArray();
    range(stablecoins.length, parallel)
        .forEach(
            i -> {
              int a = stablecoins[i];
              double[][] series = FactorSeries.compute(panel, a, weights);
              for (Factor f : SCORED) {
                scored[f.ordinal()][a] = series[f.ordinal()];
              }
            });
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
    double[][] ranked = rankedArrays(n, days, false);
    double[][][] scored = scoredArrays(assets);
    for (Factor f : RANKED) {
      for (int j = 0; j < n; j++) {
        double[] s = raw[f.ordinal()][coins[j]];
        for (int d = 0; d < days; d++) {
          ranked[f.ordinal()][j * days + d] = s == null ? Double.NaN : s[d];
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
    // Every cell is written below: coins' by the ranking, stablecoins' by stablecoinGrades. No
    // fill of 2 × 32 MB with NaN first. Two arrays of up to 32 MB, zeroed by the JVM in the
    // allocating thread: one per core.
    int cells = Math.multiplyExact(assets, days);
    double[][] both = new double[2][];
    range(2, parallel).forEach(i -> both[i] = new double[cells]);
    double[] trader = both[0];
    double[] investor = both[1];
    GradeMatrix matrix =
        new GradeMatrix(panel, weights, ranked, scored, coins, trader, investor);

    // Contiguous runs of days per task, one factor at a time: the factor's values on the task's
    // days are gathered into a day-major scratch (one short sequential read per coin), then
    // ranked day after day, each day starting from the previous day's order. The weighted sums
    // are accumulated factor after factor in the family's order, as a day at a time would.
    int tasks =
        parallel
            ? Math.min(days, Math.max(DAY_TASKS_PER_CORE
                * Runtime.getRuntime().availableProcessors(), (days + MAX_TASK_DAYS - 1)
                    / MAX_TASK_DAYS))
            : Math.min(days, 1);
    int taskDays = days == 0 ? 0 : (days + tasks - 1) / tasks;
    range(tasks, parallel)
        .forEach(
            t -> {
              int from = (int) ((long) days * t / tasks);
              int to = (int) ((long) days * (t + 1) / tasks);
              RankingPass pass = new RankingPass(matrix, taskDays);
              pass.run(from, to, Factor.Family.TRADER, trader);
              pass.run(from, to, Factor.Family.INVESTOR, investor);
            });

    // Apart, each stablecoin's column is a cache miss a day: in parallel too.
    int[] stablecoins =
        IntStream.range(0, assets).filter(a -> panel.asset(a).isStablecoin()).toArray();
    range(stablecoins.length, parallel)
        .forEach(i -> stablecoinGrades(matrix, stablecoins[i], trader, investor));
    return matrix;
  }

  private static int[] coins(MarketPanel panel) {
    return IntStream.range(0, panel.assetCount())
        .filter(a -> !panel.asset(a).isStablecoin())
        .toArray();
  }

  /**
   * One array per ranked factor, {@code [coin index * days + day]}. The JVM zeroes each (about 30
   * MB at 2,000 × 2,000) in the allocating thread, so in parallel they are zeroed on every core.
   */
  private static double[][] rankedArrays(int coins, int days, boolean parallel) {
    double[][] ranked = new double[Factor.values().length][];
    int cells = Math.multiplyExact(coins, days);
    range(RANKED.size(), parallel)
        .forEach(i -> ranked[RANKED.get(i).ordinal()] = new double[cells]);
    return ranked;
  }

  private static double[][][] scoredArrays(int assets) {
    double[][][] scored = new double[Factor.values().length][][];
    for (Factor f : SCORED) {
      scored[f.ordinal()] = new double[assets][];
    }
    return scored;
  }

  /**
   * The grades of stablecoin {@code a} on every day: none (NaN) in {@code trader}, its stablecoin
   * investor grade in {@code investor}.
   */
  private static void stablecoinGrades(
      GradeMatrix matrix, int a, double[] trader, double[] investor) {
    GradeWeights weights = matrix.weights();
    double required = weights.minWeightFraction() * weights.total(Factor.Family.STABLECOIN);
    int assets = matrix.panel().assetCount();
    for (int d = 0; d < matrix.panel().days(); d++) {
      double sum = 0;
      double present = 0;
      for (Factor f : SCORED) {
        double w = weights.weight(f);
        double score = FactorSeries.stablecoinScore(f, matrix.scoredSeries(f, a)[d]);
        if (w > 0 && !Double.isNaN(score)) {
          sum += w * 100 * score;
          present += w;
        }
      }
      trader[d * assets + a] = Double.NaN;
      investor[d * assets + a] = combine(sum, present, required);
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

  /** Ranks and combines one family on a run of days; scratch and rankers reused. */
  private static final class RankingPass {
    /** Coins gathered side by side per day: a few cache lines of the scratch per day. */
    private static final int GATHER_COINS = 64;

    private final GradeMatrix matrix;
    private final int[] coins;
    private final int assets;
    private final int days;
    private final PercentileRanker ranker;
    private final double[] keys; // [(day - from) * coins + coin index]
    private final double[] sum; // same layout
    private final double[] present; // same layout

    RankingPass(GradeMatrix matrix, int maxDays) {
      this.matrix = matrix;
      this.coins = matrix.coins();
      this.assets = matrix.panel().assetCount();
      this.days = matrix.panel().days();
      int n = coins.length;
      this.ranker = new PercentileRanker(n);
      int cells = Math.multiplyExact(n, maxDays);
      this.keys = new double[cells];
      this.sum = new double[cells];
      this.present = new double[cells];
    }

    void run(int from, int to, Factor.Family family, double[] grades) {
      int n = coins.length;
      int span = to - from;
      Arrays.fill(sum, 0, span * n, 0);
      Arrays.fill(present, 0, span * n, 0);
      GradeWeights weights = matrix.weights();
      for (Factor f : family == Factor.Family.TRADER ? TRADER : INVESTOR) {
        double w = weights.weight(f);
        if (w == 0) {
          continue;
        }
        gather(f, from, span);
        PercentileRanker.History history = new PercentileRanker.History(n);
        for (int d = 0; d < span; d++) {
          ranker.rankAccumulate(history, keys, d * n, n, w, sum, present);
        }
      }
      double required = weights.minWeightFraction() * weights.total(family);
      for (int d = 0; d < span; d++) {
        int row = (from + d) * assets;
        int base = d * n;
        for (int j = 0; j < n; j++) {
          grades[row + coins[j]] = combine(sum[base + j], present[base + j], required);
        }
      }
    }

    /** The rank keys of {@code f} on days {@code [from, from + span)} into {@code keys}. */
    private void gather(Factor f, int from, int span) {
      int n = coins.length;
      double[] series = matrix.rankedSeries(f);
      boolean identity = f.direction() == Factor.Direction.HIGHER_IS_BETTER;
      for (int j0 = 0; j0 < n; j0 += GATHER_COINS) {
        int j1 = Math.min(n, j0 + GATHER_COINS);
        for (int d = 0; d < span; d++) {
          int row = d * n;
          int src = from + d;
          if (identity) {
            for (int j = j0; j < j1; j++) {
              keys[row + j] = series[j * days + src];
            }
          } else {
            for (int j = j0; j < j1; j++) {
              keys[row + j] = f.rankKey(series[j * days + src]);
            }
          }
        }
      }
    }
  }
}
