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
  private final double[][][] raw; // [factor][asset][day]; null where a factor is not the asset's
  private final int[] coins;
  private final double[][] trader; // [asset][day]
  private final double[][] investor;

  GradeMatrix(
      MarketPanel panel,
      GradeWeights weights,
      double[][][] raw,
      int[] coins,
      double[][] trader,
      double[][] investor) {
    this.panel = panel;
    this.weights = weights;
    this.raw = raw;
    this.coins = coins;
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
    return trader[asset][day];
  }

  /** The investor grade (stablecoin investor grade for a stablecoin); NaN when none. */
  public double investor(int asset, int day) {
    return investor[asset][day];
  }

  /** A copy of an asset's trader grades, indexed by day. */
  public double[] traderSeries(int asset) {
    return trader[asset].clone();
  }

  /** A copy of an asset's investor grades, indexed by day. */
  public double[] investorSeries(int asset) {
    return investor[asset].clone();
  }

  /** A factor's raw value; NaN when missing or not a factor of the asset's kind. */
  public double raw(Factor factor, int asset, int day) {
    double[] s = raw[factor.ordinal()][asset];
    return s == null ? Double.NaN : s[day];
  }

  /**
   * The percentiles of every factor on one day, indexed {@code [factor ordinal][asset]}: ranks
   * among the coins for ranked factors, 100 × score for stablecoin factors, NaN where missing.
   */
  double[][] percentilesOn(int day) {
    int assets = panel.assetCount();
    double[][] out = new double[raw.length][assets];
    PercentileRanker ranker = new PercentileRanker(coins.length);
    double[] keys = new double[coins.length];
    double[] ranked = new double[coins.length];
    for (Factor f : Factor.values()) {
      double[] p = out[f.ordinal()];
      java.util.Arrays.fill(p, Double.NaN);
      if (f.isRanked()) {
        for (int j = 0; j < coins.length; j++) {
          keys[j] = f.rankKey(raw[f.ordinal()][coins[j]][day]);
        }
        ranker.rank(keys, coins.length, ranked);
        for (int j = 0; j < coins.length; j++) {
          p[coins[j]] = ranked[j];
        }
      } else {
        for (int a = 0; a < assets; a++) {
          double[] s = raw[f.ordinal()][a];
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
    double t = trader[a][day];
    double i = investor[a][day];
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

  double[][] rawSeries(Factor factor) {
    return raw[factor.ordinal()];
  }

  double[] rawSeries(Factor factor, int asset) {
    return raw[factor.ordinal()][asset];
  }
}
