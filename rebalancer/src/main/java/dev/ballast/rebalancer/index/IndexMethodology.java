package dev.ballast.rebalancer.index;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.panel.PanelColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Target weights of an index on a rebalance day: eligibility, selection, weighting and caps, each
 * as its {@link IndexDefinition} says, using only data up to that day. Stateless and thread-safe.
 */
public final class IndexMethodology {

  private IndexMethodology() {}

  /**
   * The index's target weights on {@code day}.
   *
   * <p>Steps: {@link Eligibility} (buffers for {@code currentMembers}); a raw weight for every
   * eligible asset (an asset whose weighting input is missing, e.g. a volatility window with a gap,
   * is excluded with that reason before ranking, so the next in line takes its place); the top
   * {@code selection.count} by market cap or investor grade (ties to the larger market cap, then
   * the symbol); weights normalised and capped by {@link CapRedistribution}.
   *
   * @param investorGrades investor grades on the day indexed by panel asset (NaN where none); may
   *     be null when the definition does not use grades
   * @throws InfeasibleCapsException if too few assets are selected for the caps to add up to 1
   *     (including none at all): the caller decides what a half-empty index does, not this code
   * @throws IllegalArgumentException if the day is outside the panel or grades are needed and
   *     missing
   */
  public static TargetWeights targetWeights(
      IndexDefinition definition,
      MarketPanel panel,
      int day,
      Set<AssetId> currentMembers,
      double[] investorGrades) {
    Objects.requireNonNull(panel, "panel");
    return targetWeights(definition, PanelColumns.of(panel), day, currentMembers, investorGrades);
  }

  /**
   * As {@link #targetWeights(IndexDefinition, MarketPanel, int, Set, double[])}, on a columnar
   * view of the panel that a backtest builds once ({@link PanelColumns#cached}): the same weights,
   * without copying every column on every call.
   */
  public static TargetWeights targetWeights(
      IndexDefinition definition,
      PanelColumns columns,
      int day,
      Set<AssetId> currentMembers,
      double[] investorGrades) {
    return targetWeights(definition, columns, day, currentMembers, investorGrades, true);
  }

  /**
   * As above; with {@code explain} false, {@link TargetWeights#exclusions()} is empty: the same
   * weights without writing a reason for every asset left out, for a backtest, which does not
   * keep them.
   */
  public static TargetWeights targetWeights(
      IndexDefinition definition,
      PanelColumns columns,
      int day,
      Set<AssetId> currentMembers,
      double[] investorGrades,
      boolean explain) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(currentMembers, "currentMembers");
    MarketPanel panel = columns.panel();
    panel.requireDay(day);
    if (definition.needsInvestorGrades()) {
      Eligibility.requireGrades(panel, investorGrades, "index " + definition.id());
    }
    Eligibility.Result universe =
        Eligibility.evaluate(columns, day, currentMembers, definition.universe(), investorGrades,
            explain);
    List<Exclusion> exclusions = new ArrayList<>(universe.exclusions());
    int[] eligible = universe.eligible();

    // Raw weight and ranking keys of every eligible asset.
    List<Candidate> candidates = new ArrayList<>(eligible.length);
    Selection.Method method = definition.selection().method();
    double[] caps = columns.lastMarketCaps(day, Eligibility.STALE_DAYS);
    for (int a : eligible) {
      AssetId id = columns.id(a);
      double cap = caps[a];
      double grade = investorGrades == null ? Double.NaN : investorGrades[a];
      if (method == Selection.Method.TOP_INVESTOR_GRADE && Double.isNaN(grade)) {
        exclusions.add(new Exclusion(id, "no investor grade to rank by"));
        continue;
      }
      double raw = rawWeight(definition.weighting(), columns, a, day, cap, grade);
      if (!(raw > 0) || Double.isInfinite(raw)) {
        exclusions.add(new Exclusion(id, noWeightReason(definition.weighting(), raw)));
        continue;
      }
      candidates.add(new Candidate(a, id, cap, grade, raw));
    }
    Comparator<Candidate> byCap =
        Comparator.comparingDouble(Candidate::marketCap).reversed()
            .thenComparing(Candidate::asset);
    Comparator<Candidate> rank =
        method == Selection.Method.TOP_INVESTOR_GRADE
            ? Comparator.comparingDouble(Candidate::grade).reversed().thenComparing(byCap)
            : byCap;
    if (method == Selection.Method.TOP_MARKET_CAP) {
      // The day's market-cap order, shared by every backtest on the panel, is byCap over all
      // assets; the candidates in that order are the candidates sorted by byCap.
      Candidate[] byAsset = new Candidate[columns.assetCount()];
      for (Candidate c : candidates) {
        byAsset[c.index()] = c;
      }
      candidates.clear();
      for (int a : columns.byMarketCap(day, Eligibility.STALE_DAYS)) {
        if (byAsset[a] != null) {
          candidates.add(byAsset[a]);
        }
      }
    } else {
      candidates.sort(rank);
    }
    int n = Math.min(definition.selection().count(), candidates.size());
    String by = method == Selection.Method.TOP_INVESTOR_GRADE ? "investor grade" : "market cap";
    for (int k = n; explain && k < candidates.size(); k++) {
      // Concatenation, not String.format: a backtest writes this for most of the universe on
      // every rebalance.
      exclusions.add(new Exclusion(candidates.get(k).asset(), "ranked " + (k + 1) + " of "
          + candidates.size() + " by " + by + ", the index holds " + n));
    }
    List<Candidate> chosen = new ArrayList<>(candidates.subList(0, n));
    List<AssetId> selected = chosen.stream().map(Candidate::asset).toList();

    // Caps: the first of equal raw weights is the larger market cap, so it gets the largest cap.
    chosen.sort(byCap);
    double[] raw = chosen.stream().mapToDouble(Candidate::raw).toArray();
    double[] capped = CapRedistribution.apply(raw, definition.caps());
    double rawSum = Arrays.stream(raw).sum();
    List<TargetWeights.Entry> weights = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      weights.add(new TargetWeights.Entry(chosen.get(i).asset(), capped[i], raw[i] / rawSum));
    }
    weights.sort(
        Comparator.comparingDouble(TargetWeights.Entry::weight).reversed()
            .thenComparing(TargetWeights.Entry::asset));
    return new TargetWeights(
        definition.id(), panel.date(day), weights, eligible.length, selected, exclusions);
  }

  private static double rawWeight(
      Weighting weighting, PanelColumns columns, int a, int day, double cap, double grade) {
    return switch (weighting.method()) {
      case MARKET_CAP -> cap;
      case EQUAL -> 1;
      case GRADE -> grade;
      case INVERSE_VOLATILITY -> {
        // Indicators.volatility at index `day` reads closes up to `day` only: no look-ahead.
        double vol = columns.volatility(a, day, weighting.volatilityWindowDays());
        yield 1 / vol;
      }
    };
  }

  private static String noWeightReason(Weighting weighting, double raw) {
    return switch (weighting.method()) {
      case MARKET_CAP -> "no market cap to weight by";
      case EQUAL -> "no weight"; // cannot happen: every equal weight is 1
      case GRADE -> Double.isNaN(raw) ? "no investor grade to weight by" : "investor grade 0";
      case INVERSE_VOLATILITY ->
          "no volatility over the last " + weighting.volatilityWindowDays()
              + " daily returns (a gap in the closes, or a flat price)";
    };
  }

  private record Candidate(int index, AssetId asset, double marketCap, double grade,
      double raw) {}
}
