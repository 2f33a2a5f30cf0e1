package dev.ballast.rebalancer.index;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.panel.PanelColumns;
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

  /** The reason given when none was asked for. */
  private static final String UNEXPLAINED = "excluded";

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
    return evaluate(PanelColumns.of(panel), day, members, rules, investorGrades);
  }

  /**
   * As {@link #evaluate(MarketPanel, int, Set, UniverseRules, double[])}, on a columnar view of
   * the panel that a backtest builds once (see {@link PanelColumns#cached}).
   */
  public static Result evaluate(
      PanelColumns columns,
      int day,
      Set<AssetId> members,
      UniverseRules rules,
      double[] investorGrades) {
    return evaluate(columns, day, members, rules, investorGrades, true);
  }

  /**
   * As above; with {@code explain} false the exclusions are left out (the result lists none),
   * for a backtest that never reads them: writing a reason for most of the universe on every
   * rebalance was a third of a backtest's time.
   */
  public static Result evaluate(
      PanelColumns columns,
      int day,
      Set<AssetId> members,
      UniverseRules rules,
      double[] investorGrades,
      boolean explain) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(rules, "rules");
    MarketPanel panel = columns.panel();
    panel.requireDay(day);
    if (rules.minInvestorGrade() != null) {
      requireGrades(panel, investorGrades, "universe.minInvestorGrade");
    }
    int[] eligible = new int[columns.assetCount()];
    int count = 0;
    List<Exclusion> exclusions = new ArrayList<>();
    // Members by panel index: a lookup per asset instead of hashing every id.
    boolean[] member = new boolean[columns.assetCount()];
    for (AssetId id : members) {
      int a = panel.indexOf(id);
      if (a >= 0) {
        member[a] = true;
      }
    }
    if (!explain && rules.minInvestorGrade() == null) {
      // Without grades the rules read only the panel: the day's verdicts for a newcomer and for
      // a member are the same for every index with these rules, so they are made once a day.
      byte[] verdicts = columns.daily(new DailyVerdicts(rules), day,
          d -> verdicts(columns, d, rules));
      for (int a = 0; a < verdicts.length; a++) {
        if ((verdicts[a] & (member[a] ? MEMBER_OK : NEWCOMER_OK)) != 0) {
          eligible[count++] = a;
        }
      }
      return new Result(Arrays.copyOf(eligible, count), exclusions);
    }
    for (int a = 0; a < columns.assetCount(); a++) {
      int first = columns.firstClose(a);
      if (first < 0 || first > day) {
        continue; // not listed yet
      }
      String reason = reason(columns, a, day, first, member[a], rules, investorGrades, explain);
      if (reason == null) {
        eligible[count++] = a;
      } else if (explain) {
        exclusions.add(new Exclusion(columns.id(a), reason));
      }
    }
    return new Result(Arrays.copyOf(eligible, count), exclusions);
  }

  private static final byte NEWCOMER_OK = 1;
  private static final byte MEMBER_OK = 2;

  /** The key of the day's verdicts of a rule set in {@link PanelColumns#daily}. */
  private record DailyVerdicts(UniverseRules rules) {}

  /** Per asset: whether it is eligible on the day as a newcomer, and as a member (bits). */
  private static byte[] verdicts(PanelColumns columns, int day, UniverseRules rules) {
    byte[] out = new byte[columns.assetCount()];
    for (int a = 0; a < out.length; a++) {
      int first = columns.firstClose(a);
      if (first < 0 || first > day) {
        continue; // not listed yet
      }
      if (reason(columns, a, day, first, false, rules, null, false) == null) {
        out[a] |= NEWCOMER_OK;
      }
      if (reason(columns, a, day, first, true, rules, null, false) == null) {
        out[a] |= MEMBER_OK;
      }
    }
    return out;
  }

  private static String reason(
      PanelColumns columns,
      int a,
      int day,
      int first,
      boolean member,
      UniverseRules rules,
      double[] grades,
      boolean explain) {
    if (columns.isStablecoin(a)) {
      return "stablecoin (never in the risk sleeve)";
    }
    if (Double.isNaN(columns.lastClose(a, day, STALE_DAYS))) {
      return "no close in the last " + STALE_DAYS + " days";
    }
    int history = day - first + 1;
    if (history < rules.minHistoryDays()) {
      return !explain ? UNEXPLAINED
          : "history " + history + " days < " + rules.minHistoryDays();
    }
    double cap = columns.lastMarketCap(a, day, STALE_DAYS);
    double minCap = member ? rules.memberMinMarketCapUsd() : rules.minMarketCapUsd();
    if (Double.isNaN(cap)) {
      return "no market cap in the last " + STALE_DAYS + " days";
    }
    if (cap < minCap) {
      return !explain ? UNEXPLAINED : "market cap " + usd(cap) + " < " + usd(minCap) + (member ? " (member buffer)" : "");
    }
    int window = rules.volumeWindowDays();
    double median = columns.medianVolume(a, day, window);
    if (Double.isNaN(median)) {
      return !explain ? UNEXPLAINED : "volume known on " + columns.knownVolumes(a, day, window) + " of the last " + window
          + " days";
    }
    double minVolume =
        member ? rules.memberMinMedianDailyVolumeUsd() : rules.minMedianDailyVolumeUsd();
    if (median < minVolume) {
      return !explain ? UNEXPLAINED : "median daily volume " + usd(median) + " < " + usd(minVolume)
          + (member ? " (member buffer)" : "");
    }
    if (rules.minInvestorGrade() != null) {
      double grade = grades[a];
      if (Double.isNaN(grade)) {
        return "no investor grade";
      }
      if (grade < rules.minInvestorGrade()) {
        return !explain ? UNEXPLAINED : String.format(
            Locale.ROOT, "investor grade %.1f < %.1f", grade, rules.minInvestorGrade());
      }
    }
    return null;
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

  private static String usd(double value) {
    return String.format(Locale.ROOT, "%.3g USD", value);
  }
}
