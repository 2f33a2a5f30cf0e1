package dev.ballast.ratings.grade;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A factor of a grade: what it measures, which grade it feeds, which way is better and how much
 * history it needs. The reasoning behind every factor and number is in docs/methodology.md.
 *
 * <p>Trader and investor factors are <em>ranked</em>: on each day an asset's value is turned into
 * its percentile among the coins that have a value that day. Stablecoin factors are
 * <em>scored</em> on a fixed scale instead, because a handful of stablecoins ranked against each
 * other would call the worse of two perfect pegs bad.
 *
 * <p>The series themselves are computed together per asset (package-private {@code FactorSeries})
 * rather than by a function per factor, so that shared intermediates such as the daily log returns
 * are computed once. Each value at day {@code d} uses data up to {@code d} only.
 */
public enum Factor {
  // Trader grade: short-term, technical.
  ROC_7(Family.TRADER, Direction.HIGHER_IS_BETTER, 8, "7-day rate of change, fraction"),
  ROC_30(Family.TRADER, Direction.HIGHER_IS_BETTER, 31, "30-day rate of change, fraction"),
  TREND_SMA_50(Family.TRADER, Direction.HIGHER_IS_BETTER, 50, "close / SMA 50 - 1"),
  TREND_SMA_200(Family.TRADER, Direction.HIGHER_IS_BETTER, 200, "close / SMA 200 - 1"),
  MACD_HISTOGRAM(
      Family.TRADER, Direction.HIGHER_IS_BETTER, 34, "MACD 12/26/9 histogram / close"),
  RSI_14(Family.TRADER, Direction.CLOSER_TO_TARGET, 15, "RSI 14, 0-100; best at 60"),
  VOLUME_TREND(Family.TRADER, Direction.HIGHER_IS_BETTER, 30, "mean volume 7 days / 30 days"),
  VOL_ADJUSTED_RETURN(
      Family.TRADER,
      Direction.HIGHER_IS_BETTER,
      31,
      "30-day log return / (daily stdev x sqrt 30)"),
  // Investor grade: long-term, risk and quality.
  SHARPE_365(Family.INVESTOR, Direction.HIGHER_IS_BETTER, 366, "annualised Sharpe, 365 returns"),
  SORTINO_365(
      Family.INVESTOR, Direction.HIGHER_IS_BETTER, 366, "annualised Sortino, 365 returns"),
  MAX_DRAWDOWN_365(
      Family.INVESTOR, Direction.LOWER_IS_BETTER, 365, "max drawdown over 365 closes, fraction"),
  LIQUIDITY_90(Family.INVESTOR, Direction.HIGHER_IS_BETTER, 90, "mean volume / market cap, 90d"),
  SIZE(Family.INVESTOR, Direction.HIGHER_IS_BETTER, 1, "market cap, USD (ranked as log)"),
  HISTORY(Family.INVESTOR, Direction.HIGHER_IS_BETTER, 1, "days since first close, max 1460"),
  // Stablecoin investor grade: absolute scores, not ranks.
  PEG_MEAN_DEVIATION_90(
      Family.STABLECOIN, Direction.LOWER_IS_BETTER, 90, "mean |close / peg - 1|, 90 days"),
  PEG_WORST_DEVIATION_90(
      Family.STABLECOIN,
      Direction.LOWER_IS_BETTER,
      90,
      "max |price / peg - 1| of close, low, high, 90 days"),
  COLLATERAL(Family.STABLECOIN, Direction.HIGHER_IS_BETTER, 1, "score of the collateral type"),
  STABLE_SIZE(Family.STABLECOIN, Direction.HIGHER_IS_BETTER, 1, "market cap, USD"),
  STABLE_TURNOVER_30(
      Family.STABLECOIN, Direction.HIGHER_IS_BETTER, 30, "mean volume / market cap, 30 days");

  /** The RSI value the {@link #RSI_14} factor rewards most: bullish but not overbought. */
  public static final double RSI_TARGET = 60;

  /** Which grade a factor feeds. */
  public enum Family {
    TRADER,
    INVESTOR,
    STABLECOIN
  }

  /** Which raw values are better. */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** Closer to a target is better, in either direction ({@link #RSI_14}: 60). */
    CLOSER_TO_TARGET
  }

  private static final List<Factor> ALL = List.of(values());

  private final Family family;
  private final Direction direction;
  private final int minHistory;
  private final String description;

  Factor(Family family, Direction direction, int minHistory, String description) {
    this.family = family;
    this.direction = direction;
    this.minHistory = minHistory;
    this.description = description;
  }

  public Family family() {
    return family;
  }

  public Direction direction() {
    return direction;
  }

  /**
   * The consecutive days of data (closes, or volumes for {@link #VOLUME_TREND}) the factor needs
   * before it has a value: its window plus warm-up. It is also how far back the value looks.
   */
  public int minHistory() {
    return minHistory;
  }

  /** What the raw value is, with its unit. */
  public String description() {
    return description;
  }

  /** Whether the factor is ranked across the universe (trader, investor) or scored (stablecoin). */
  public boolean isRanked() {
    return family != Family.STABLECOIN;
  }

  /** The factors of one family, in declaration order (the order of every breakdown). */
  public static List<Factor> of(Family family) {
    return ALL.stream().filter(f -> f.family == family).toList();
  }

  /**
   * Reads a factor name in any case, with {@code -} or {@code _}: {@code roc-7}, {@code ROC_7}.
   *
   * @throws IllegalArgumentException naming the known factors
   */
  public static Factor parse(String text) {
    if (text != null) {
      String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Factor f : ALL) {
        if (f.name().equals(key)) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown factor "
            + (text == null ? "null" : '"' + text + '"')
            + "; known: "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }

  /**
   * The value ranked for this factor: higher is always better. Monotone for the ordered
   * directions, so the percentile of {@link #SIZE} is the same as that of log market cap.
   */
  double rankKey(double raw) {
    return switch (direction) {
      case HIGHER_IS_BETTER -> raw;
      case LOWER_IS_BETTER -> -raw;
      case CLOSER_TO_TARGET -> -Math.abs(raw - RSI_TARGET);
    };
  }
}
