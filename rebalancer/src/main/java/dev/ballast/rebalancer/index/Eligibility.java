package dev.ballast.rebalancer.index;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The eligible universe of an index on one day of a panel, by its {@link UniverseRules}. Uses only
 * data up to and including that day, so a backtest cannot see the future. Stateless and
 * thread-safe.
 *
 * <p>Rules, in order (the first failed one is the reason given):
 *
 * <ol>
 *   <li>stablecoins are never eligible: they belong to the overlay's stablecoin sleeve;
 *   <li>a close within the last {@value #STALE_DAYS} days, or there is no price to trade at;
 *   <li>history: at least {@code minHistoryDays} calendar days from the first close to the day;
 *   <li>market cap: the last known within {@value #STALE_DAYS} days (feeds skip a day now and
 *       then; an asset should not leave an index for a missing number), at least {@code
 *       minMarketCapUsd}, or {@code memberMinMarketCapUsd} for a current member;
 *   <li>volume: the median daily USD volume over the {@code volumeWindowDays} ending on the day,
 *       of the days that have one, at least the newcomer's or the member's threshold; at least
 *       half the window must have a volume, or the median says too little;
 *   <li>investor grade, when the rules have a minimum: the grade on the day, at least it.
 * </ol>
 */
public final class Eligibility {

  /** Days a missing close or market cap may be carried forward: a feed gap, not a delisting. */
  public static final int STALE_DAYS = 3;

  private Eligibility() {}

  /**
   * The universe on one day: eligible panel asset indices in panel order, and why each other
   * asset with a price history up to the day is not eligible (assets not listed yet are left out
   * of the evidence: there are thousands of them and nothing to explain).
   */
  public record Result(int[] eligible, List<Exclusion> exclusions) {
    public Result {
      eligible = eligible.clone();
      exclusions = List.copyOf(exclusions);
    }

    @Override
    public int[] eligible() {
      return eligible.clone();
    }
  }

  /**
   * Applies the rules.
   *
   * @param day a day index of the panel
   * @param members the index's current members, who get the buffer thresholds
   * @param investorGrades investor grades on the day indexed by panel asset, NaN where none; may be
   *     null when the rules have no grade minimum
   * @throws IllegalArgumentException if the day is outside the panel, or the rules need grades and
   *     none are given
   */
  public static Result evaluate(
      MarketPanel panel,
      int day,
      Set<AssetId> members,
      UniverseRules rules,
      double[] investorGrades) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(rules, "rules");
    requireDay(panel, day);
    if (rules.minInvestorGrade() != null) {
      requireGrades(panel, investorGrades, "universe.minInvestorGrade");
    }
    List<Integer> eligible = new ArrayList<>();
    List<Exclusion> exclusions = new ArrayList<>();
    for (int a = 0; a < panel.assetCount(); a++) {
      double[] close = panel.closes(a);
      int first = firstKnown(close, day);
      if (first < 0) {
        continue; // not listed yet
      }
      AssetId id = panel.asset(a).id();
      String reason = reason(panel, a, day, first, close, members.contains(id), rules,
          investorGrades);
      if (reason == null) {
        eligible.add(a);
      } else {
        exclusions.add(new Exclusion(id, reason));
      }
    }
    return new Result(eligible.stream().mapToInt(Integer::intValue).toArray(), exclusions);
  }

  private static String reason(
      MarketPanel panel,
      int a,
      int day,
      int first,
      double[] close,
      boolean member,
      UniverseRules rules,
      double[] grades) {
    if (panel.asset(a).isStablecoin()) {
      return "stablecoin (never in the risk sleeve)";
    }
    if (Double.isNaN(lastKnown(close, day))) {
      return "no close in the last " + STALE_DAYS + " days";
    }
    int history = day - first + 1;
    if (history < rules.minHistoryDays()) {
      return "history " + history + " days < " + rules.minHistoryDays();
    }
    double cap = lastKnown(panel.marketCaps(a), day);
    double minCap = member ? rules.memberMinMarketCapUsd() : rules.minMarketCapUsd();
    if (Double.isNaN(cap)) {
      return "no market cap in the last " + STALE_DAYS + " days";
    }
    if (cap < minCap) {
      return "market cap " + usd(cap) + " < " + usd(minCap) + (member ? " (member buffer)" : "");
    }
    double[] volume = panel.volumes(a);
    int from = Math.max(0, day - rules.volumeWindowDays() + 1);
    double[] window = new double[day - from + 1];
    int known = 0;
    for (int d = from; d <= day; d++) {
      if (!Double.isNaN(volume[d])) {
        window[known++] = volume[d];
      }
    }
    if (known * 2 < rules.volumeWindowDays()) {
      return "volume known on " + known + " of the last " + rules.volumeWindowDays() + " days";
    }
    double median = median(window, known);
    double minVolume =
        member ? rules.memberMinMedianDailyVolumeUsd() : rules.minMedianDailyVolumeUsd();
    if (median < minVolume) {
      return "median daily volume " + usd(median) + " < " + usd(minVolume)
          + (member ? " (member buffer)" : "");
    }
    if (rules.minInvestorGrade() != null) {
      double grade = grades[a];
      if (Double.isNaN(grade)) {
        return "no investor grade";
      }
      if (grade < rules.minInvestorGrade()) {
        return String.format(
            Locale.ROOT, "investor grade %.1f < %.1f", grade, rules.minInvestorGrade());
      }
    }
    return null;
  }

  /** The value on {@code day}, or the last one within {@link #STALE_DAYS} before it; else NaN. */
  static double lastKnown(double[] column, int day) {
    for (int d = day; d >= 0 && d >= day - STALE_DAYS; d--) {
      if (!Double.isNaN(column[d])) {
        return column[d];
      }
    }
    return Double.NaN;
  }

  static void requireDay(MarketPanel panel, int day) {
    if (day < 0 || day >= panel.days()) {
      throw new IllegalArgumentException(
          "day must be in [0, " + panel.days() + ") of the panel, was " + day);
    }
  }

  static void requireGrades(MarketPanel panel, double[] grades, String neededBy) {
    if (grades == null) {
      throw new IllegalArgumentException(neededBy + " needs investor grades, and none were given");
    }
    if (grades.length != panel.assetCount()) {
      throw new IllegalArgumentException(
          "investorGrades must have one value per panel asset (" + panel.assetCount() + "), had "
              + grades.length);
    }
  }

  private static int firstKnown(double[] close, int day) {
    for (int d = 0; d <= day; d++) {
      if (!Double.isNaN(close[d])) {
        return d;
      }
    }
    return -1;
  }

  private static double median(double[] values, int n) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String usd(double value) {
    return String.format(Locale.ROOT, "%.3g USD", value);
  }
}
