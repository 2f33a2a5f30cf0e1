package dev.ballast.ratings.grade;

import dev.ballast.core.asset.Collateral;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The configurable numbers of the grades: a weight per factor of each grade, the score of each
 * stablecoin collateral type, and how much of a grade's weight must be present for a grade to be
 * given. Defaults and their reasoning are in docs/methodology.md; they were chosen from principle,
 * not fitted to data.
 *
 * <p>Weights are relative: only their ratios matter within a grade. Immutable and thread-safe.
 *
 * @param trader a weight {@code >= 0} for every {@link Factor.Family#TRADER} factor
 * @param investor a weight {@code >= 0} for every {@link Factor.Family#INVESTOR} factor
 * @param stablecoin a weight {@code >= 0} for every {@link Factor.Family#STABLECOIN} factor
 * @param collateralScores a score in [0, 1] for every {@link Collateral}
 * @param minWeightFraction in (0, 1]: an asset whose present factors carry less than this share of
 *     its grade's total weight gets no grade that day
 */
public record GradeWeights(
    Map<Factor, Double> trader,
    Map<Factor, Double> investor,
    Map<Factor, Double> stablecoin,
    Map<Collateral, Double> collateralScores,
    double minWeightFraction) {

  public GradeWeights {
    trader = checked("trader", Factor.Family.TRADER, trader);
    investor = checked("investor", Factor.Family.INVESTOR, investor);
    stablecoin = checked("stablecoin", Factor.Family.STABLECOIN, stablecoin);
    Objects.requireNonNull(collateralScores, "collateralScores");
    EnumMap<Collateral, Double> scores = new EnumMap<>(Collateral.class);
    for (Map.Entry<Collateral, Double> e : collateralScores.entrySet()) {
      Collateral c = Objects.requireNonNull(e.getKey(), "collateral");
      Double score = e.getValue();
      if (score == null || !(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException(
            "collateral score of " + c.label() + " must be in [0, 1], was " + score);
      }
      scores.put(c, score);
    }
    for (Collateral c : Collateral.values()) {
      if (!scores.containsKey(c)) {
        throw new IllegalArgumentException("collateral score missing for " + c.label());
      }
    }
    collateralScores = Collections.unmodifiableMap(scores);
    if (!(minWeightFraction > 0 && minWeightFraction <= 1)) {
      throw new IllegalArgumentException(
          "minWeightFraction must be in (0, 1], was " + minWeightFraction);
    }
  }

  /** The documented defaults (docs/methodology.md): each family's weights sum to 100. */
  public static GradeWeights defaults() {
    Map<Factor, Double> trader = new EnumMap<>(Factor.class);
    trader.put(Factor.ROC_7, 15.0);
    trader.put(Factor.ROC_30, 20.0);
    trader.put(Factor.TREND_SMA_50, 15.0);
    trader.put(Factor.TREND_SMA_200, 10.0);
    trader.put(Factor.MACD_HISTOGRAM, 10.0);
    trader.put(Factor.RSI_14, 10.0);
    trader.put(Factor.VOLUME_TREND, 5.0);
    trader.put(Factor.VOL_ADJUSTED_RETURN, 15.0);
    Map<Factor, Double> investor = new EnumMap<>(Factor.class);
    investor.put(Factor.SHARPE_365, 20.0);
    investor.put(Factor.SORTINO_365, 15.0);
    investor.put(Factor.MAX_DRAWDOWN_365, 20.0);
    investor.put(Factor.LIQUIDITY_90, 15.0);
    investor.put(Factor.SIZE, 15.0);
    investor.put(Factor.HISTORY, 15.0);
    Map<Factor, Double> stablecoin = new EnumMap<>(Factor.class);
    stablecoin.put(Factor.PEG_MEAN_DEVIATION_90, 25.0);
    stablecoin.put(Factor.PEG_WORST_DEVIATION_90, 30.0);
    stablecoin.put(Factor.COLLATERAL, 25.0);
    stablecoin.put(Factor.STABLE_SIZE, 10.0);
    stablecoin.put(Factor.STABLE_TURNOVER_30, 10.0);
    Map<Collateral, Double> collateral = new EnumMap<>(Collateral.class);
    collateral.put(Collateral.FIAT_BACKED, 1.0);
    collateral.put(Collateral.COMMODITY_BACKED, 0.8);
    collateral.put(Collateral.CRYPTO_BACKED, 0.7);
    collateral.put(Collateral.ALGORITHMIC, 0.2);
    return new GradeWeights(trader, investor, stablecoin, collateral, 0.5);
  }

  /**
   * Builds weights from plain names and numbers, as a configuration file gives them: factor names
   * as {@link Factor#parse} reads them, collateral names as {@link Collateral#parse} reads them.
   *
   * @throws IllegalArgumentException for an unknown name or any value the constructor rejects
   */
  public static GradeWeights fromPlain(
      Map<String, ? extends Number> trader,
      Map<String, ? extends Number> investor,
      Map<String, ? extends Number> stablecoin,
      Map<String, ? extends Number> collateralScores,
      double minWeightFraction) {
    Map<Collateral, Double> scores = new EnumMap<>(Collateral.class);
    Objects.requireNonNull(collateralScores, "collateralScores")
        .forEach((name, value) -> scores.put(Collateral.parse(name), toDouble(name, value)));
    return new GradeWeights(
        parsed(trader), parsed(investor), parsed(stablecoin), scores, minWeightFraction);
  }

  /** The weights of one family's factors. */
  public Map<Factor, Double> of(Factor.Family family) {
    return switch (family) {
      case TRADER -> trader;
      case INVESTOR -> investor;
      case STABLECOIN -> stablecoin;
    };
  }

  /** The configured (not renormalised) weight of a factor. */
  public double weight(Factor factor) {
    return of(factor.family()).get(factor);
  }

  /** The sum of a family's weights; positive. */
  public double total(Factor.Family family) {
    return of(family).values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public double collateralScore(Collateral collateral) {
    return collateralScores.get(collateral);
  }

  /** A copy with one factor's weight replaced. */
  public GradeWeights with(Factor factor, double weight) {
    Map<Factor, Double> family = new EnumMap<>(of(factor.family()));
    family.put(factor, weight);
    return new GradeWeights(
        factor.family() == Factor.Family.TRADER ? family : trader,
        factor.family() == Factor.Family.INVESTOR ? family : investor,
        factor.family() == Factor.Family.STABLECOIN ? family : stablecoin,
        collateralScores,
        minWeightFraction);
  }

  private static Map<Factor, Double> checked(
      String grade, Factor.Family family, Map<Factor, Double> weights) {
    Objects.requireNonNull(weights, grade + " weights");
    EnumMap<Factor, Double> copy = new EnumMap<>(Factor.class);
    double sum = 0;
    for (Map.Entry<Factor, Double> e : weights.entrySet()) {
      Factor f = Objects.requireNonNull(e.getKey(), grade + " factor");
      if (f.family() != family) {
        throw new IllegalArgumentException(
            f + " is a " + f.family().name().toLowerCase() + " factor, not a " + grade + " one");
      }
      Double w = e.getValue();
      if (w == null || !(w >= 0) || w.isInfinite()) {
        throw new IllegalArgumentException(
            grade + " weight of " + f + " must be a finite number >= 0, was " + w);
      }
      copy.put(f, w);
      sum += w;
    }
    String missing =
        Factor.of(family).stream()
            .filter(f -> !copy.containsKey(f))
            .map(Enum::name)
            .collect(Collectors.joining(", "));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          grade + " weights must name every factor (0 to leave one out); missing: " + missing);
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException(grade + " weights must sum to more than 0, were " + sum);
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Map<Factor, Double> parsed(Map<String, ? extends Number> plain) {
    if (plain == null) {
      return null;
    }
    Map<Factor, Double> weights = new EnumMap<>(Factor.class);
    plain.forEach((name, value) -> weights.put(Factor.parse(name), toDouble(name, value)));
    return weights;
  }

  private static Double toDouble(String name, Number value) {
    if (value == null) {
      throw new IllegalArgumentException("value of " + name + " must be a number, was null");
    }
    return value.doubleValue();
  }
}
