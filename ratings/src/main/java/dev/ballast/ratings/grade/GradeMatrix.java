package dev.ballast.ratings.grade;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The grades of every asset on every day of a panel, in primitive arrays, with the raw factor
 * series that explain them. Percentiles are not stored: {@link #gradesOn} ranks the requested day
 * again with the same code and inputs as {@link Grader}, so they are bit-identical to the ones the
 * grades were built from, at a fraction of the memory (a 2,000 × 2,000 panel has 56 million of
 * them).
 *
 * <p>Immutable and thread-safe once returned by {@link Grader#gradeAll}: accessors return copies or
 * new objects.
 */
public final class GradeMatrix {

  private final MarketPanel panel;
  private final GradeWeights weights;
  // Ranked factors: [factor ordinal][coin index * days + day], coin-major so that the factor
  // phase writes each series with one sequential copy (the ranking gathers runs of days into a
  // day-major scratch per task); null for the stablecoin factors.
  private final double[][] ranked;
  // Stablecoin factors: [factor ordinal][asset][day], null for ranked factors and for coins.
  private final double[][][] scored;
  private final int[] coins; // coin index -> asset index
  private final int[] coinIndex; // asset index -> coin index, -1 for a stablecoin
  private final int assets;
  private final double[] trader; // [day * assets + asset]
  private final double[] investor;

  GradeMatrix(
      MarketPanel panel,
      GradeWeights weights,
      double[][] ranked,
      double[][][] scored,
      int[] coins,
      double[] trader,
      double[] investor) {
    this.panel = panel;
    this.weights = weights;
    this.ranked = ranked;
    this.scored = scored;
    this.coins = coins;
    this.assets = panel.assetCount();
    this.coinIndex = new int[assets];
    java.util.Arrays.fill(coinIndex, -1);
    for (int j = 0; j < coins.length; j++) {
      coinIndex[coins[j]] = j;
    }
    this.trader = trader;
    this.investor = investor;
  }

  public MarketPanel panel() {
    return panel;
  }

  public GradeWeights weights() {
    return weights;
  }

  /** The trader grade of asset index {@code asset} on day index {@code day}; NaN when none. */
  public double trader(int asset, int day) {
    return trader[cell(asset, day)];
  }

  /** The investor grade (stablecoin investor grade for a stablecoin); NaN when none. */
  public double investor(int asset, int day) {
    return investor[cell(asset, day)];
  }

  /** A copy of an asset's trader grades, indexed by day. */
  public double[] traderSeries(int asset) {
    return column(trader, asset);
  }

  /** A copy of an asset's investor grades, indexed by day. */
  public double[] investorSeries(int asset) {
    return column(investor, asset);
  }

  /** A factor's raw value; NaN when missing or not a factor of the asset's kind. */
  public double raw(Factor factor, int asset, int day) {
    double[] r = ranked[factor.ordinal()];
    if (r != null) {
      int j = coinIndex[asset];
      Objects.checkIndex(day, panel.days());
      return j < 0 ? Double.NaN : r[j * panel.days() + day];
    }
    double[] s = scored[factor.ordinal()][asset];
    return s == null ? Double.NaN : s[day];
  }

  /**
   * The percentiles of every factor on one day, indexed {@code [factor ordinal][asset]}: ranks
   * among the coins for ranked factors, 100 × score for stablecoin factors, NaN where missing.
   */
  double[][] percentilesOn(int day) {
    int assets = panel.assetCount();
    double[][] out = new double[Factor.values().length][assets];
    PercentileRanker ranker = new PercentileRanker(coins.length);
    double[] keys = new double[coins.length];
    double[] percentiles = new double[coins.length];
    Objects.checkIndex(day, panel.days());
    for (Factor f : Factor.values()) {
      double[] p = out[f.ordinal()];
      java.util.Arrays.fill(p, Double.NaN);
      if (f.isRanked()) {
        double[] r = ranked[f.ordinal()];
        int days = panel.days();
        for (int j = 0; j < coins.length; j++) {
          keys[j] = f.rankKey(r[j * days + day]);
        }
        ranker.rank(keys, coins.length, percentiles);
        for (int j = 0; j < coins.length; j++) {
          p[coins[j]] = percentiles[j];
        }
      } else {
        for (int a = 0; a < assets; a++) {
          double[] s = scored[f.ordinal()][a];
          if (s != null) {
            p[a] = 100 * FactorSeries.stablecoinScore(f, s[day]);
          }
        }
      }
    }
    return out;
  }

  /** The grades of every asset on {@code date}, with breakdowns, in panel order. */
  public List<Grade> gradesOn(LocalDate date) {
    int day = requireDay(date);
    double[][] percentiles = percentilesOn(day);
    List<Grade> grades = new ArrayList<>(panel.assetCount());
    for (int a = 0; a < panel.assetCount(); a++) {
      grades.add(build(a, day, percentiles));
    }
    return grades;
  }

  /** The grades of one asset on {@code date}, with breakdowns. */
  public Grade grade(AssetId asset, LocalDate date) {
    Objects.requireNonNull(asset, "asset");
    int a = panel.indexOf(asset);
    if (a < 0) {
      throw new IllegalArgumentException(asset + " is not in the panel");
    }
    int day = requireDay(date);
    return build(a, day, percentilesOn(day));
  }

  private Grade build(int a, int day, double[][] percentiles) {
    boolean stablecoin = panel.asset(a).isStablecoin();
    double t = trader[cell(a, day)];
    double i = investor[cell(a, day)];
    List<FactorScore> traderBreakdown =
        stablecoin ? List.of() : breakdown(Factor.Family.TRADER, a, day, t, percentiles);
    List<FactorScore> investorBreakdown =
        breakdown(
            stablecoin ? Factor.Family.STABLECOIN : Factor.Family.INVESTOR,
            a,
            day,
            i,
            percentiles);
    return new Grade(
        panel.asset(a).id(),
        panel.date(day),
        t,
        i,
        Double.isNaN(t) ? null : TraderZone.of(t),
        stablecoin ? Recommendation.NOT_RATED : Recommendation.of(t, i),
        traderBreakdown,
        investorBreakdown);
  }

  private List<FactorScore> breakdown(
      Factor.Family family, int a, int day, double grade, double[][] percentiles) {
    List<Factor> factors = Factor.of(family);
    double present = 0;
    for (Factor f : factors) {
      if (!Double.isNaN(percentiles[f.ordinal()][a])) {
        present += weights.weight(f);
      }
    }
    List<FactorScore> scores = new ArrayList<>(factors.size());
    for (Factor f : factors) {
      double p = percentiles[f.ordinal()][a];
      double share =
          Double.isNaN(grade) || Double.isNaN(p) ? 0 : weights.weight(f) / present;
      scores.add(new FactorScore(f.name(), raw(f, a, day), p, share, share == 0 ? 0 : share * p));
    }
    return scores;
  }

  private int requireDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    int day = panel.dayOf(date);
    if (day < 0) {
      throw new IllegalArgumentException(
          date + " is outside the panel " + panel.start() + ".." + panel.date(panel.days() - 1));
    }
    return day;
  }

  // For the grader, which fills the grades in place before handing the matrix out.
  int[] coins() {
    return coins;
  }

  /** A ranked factor's values, {@code [coin index * days + day]}. */
  double[] rankedSeries(Factor factor) {
    return ranked[factor.ordinal()];
  }

  /** A stablecoin factor's series of a stablecoin, by day. */
  double[] scoredSeries(Factor factor, int asset) {
    return scored[factor.ordinal()][asset];
  }

  double[] traderCells() {
    return trader;
  }

  double[] investorCells() {
    return investor;
  }

  private int cell(int asset, int day) {
    Objects.checkIndex(asset, assets);
    Objects.checkIndex(day, panel.days());
    return day * assets + asset;
  }

  private double[] column(double[] cells, int asset) {
    Objects.checkIndex(asset, assets);
    double[] out = new double[panel.days()];
    for (int d = 0; d < out.length; d++) {
      out[d] = cells[d * assets + asset];
    }
    return out;
  }
}
