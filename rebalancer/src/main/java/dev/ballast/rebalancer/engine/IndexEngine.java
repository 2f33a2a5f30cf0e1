package dev.ballast.rebalancer.engine;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.index.Caps;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexMethodology;
import dev.ballast.rebalancer.index.InfeasibleCapsException;
import dev.ballast.rebalancer.index.TargetWeights;
import dev.ballast.rebalancer.order.Decimals;
import dev.ballast.rebalancer.order.OrderPlanner;
import dev.ballast.rebalancer.order.RebalancePlan;
import dev.ballast.rebalancer.panel.PanelColumns;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.sleeve.SleeveWeights;
import dev.ballast.rebalancer.sleeve.StablecoinSleeve;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides one rebalance of an index: the same code for a scheduled rebalance, an off-cycle one, a
 * manual one and every step of a backtest. Stateless and thread-safe.
 *
 * <p>On panel day {@code d}, reading data of days {@code ≤ d} only and trading at the closes of
 * {@code d}:
 *
 * <ol>
 *   <li><b>Overlay</b>: the stablecoin fraction {@code f} is the regime history's on {@code d} when
 *       the definition has the overlay, else 0.
 *   <li><b>Risk sleeve</b>: {@link IndexMethodology#targetWeights}, the current members being the
 *       non-stablecoins held (they get the universe's buffer thresholds). When too few assets are
 *       eligible for the caps to add up to 1 (early history, a crash emptying the universe), the
 *       sleeve holds what is feasible: the selected assets each at their cap (largest raw weight
 *       at {@code largestCap}, the others at {@code otherCap}), summing to the caps' capacity
 *       {@code c < 1}; the missing {@code 1 − c} of the risk sleeve goes to the stablecoin sleeve,
 *       with a note. Never an exception: the alternatives were to break a cap silently or to stop
 *       the index, and a half-empty index in stablecoins is what a holder would choose.
 *   <li><b>Stablecoin sleeve</b>: {@link StablecoinSleeve#weights}, the held stablecoins being the
 *       ones a WATCH status does not evict; its unallocated {@code cash} stays in dollars.
 *   <li><b>Combined</b>: target of a coin {@code risk × (1 − f)}, of a stablecoin {@code sleeve ×
 *       f'} with {@code f' = f + (1 − f)(1 − c)}; the sleeve's cash times {@code f'} is a cash
 *       target.
 *   <li><b>Orders</b>: {@link OrderPlanner#plan} with the definition's drift band, minimum trade and
 *       fee. A held asset without a close on {@code d} is valued and, if it is to go, sold at its
 *       last close (noted): the only price there is.
 * </ol>
 */
public final class IndexEngine {

  private IndexEngine() {}

  /**
   * Decides a rebalance on panel day {@code day}.
   *
   * @param reason why, in words ("inception", "weekly calendar", a depeg reason); may be null
   * @throws IllegalArgumentException if the day is outside the panel, a held asset is not in the
   *     panel or has no price, or {@code settings.regime()} is not what the context's regimes were
   *     computed with
   */
  public static Decision decide(
      IndexDefinition definition,
      MarketContext ctx,
      int day,
      Holdings current,
      Trigger trigger,
      String reason,
      EngineSettings settings) {
    Objects.requireNonNull(trigger, "trigger");
    Rebalance r = rebalance(definition, ctx, day, current, settings, false);
    Holdings after = new Holdings(r.plan.holdingsAfter(), r.plan.cashAfter());
    Map<AssetId, Double> before = new HashMap<>(r.plan.weightsBefore());
    before.keySet().retainAll(current.quantities().keySet());
    return new Decision(ctx.panel().date(day), trigger, reason, r.regime,
        ctx.regimes().evidence(day), r.fraction, before, r.targets, r.plan, after, r.notes);
  }

  /**
   * The same rebalance as {@link #decide}, reduced to what a backtest that keeps no decisions
   * reads (a parameter sweep, a benchmark): the same rules and the same orders and holdings, but
   * no evidence, notes or weight maps, and no exact valuation when {@link
   * OrderPlanner#certainlyNothingToTrade} shows that nothing would trade (then {@code after} is
   * {@code current} itself).
   *
   * @throws IllegalArgumentException as {@link #decide}
   */
  public static Step step(
      IndexDefinition definition,
      MarketContext ctx,
      int day,
      Holdings current,
      EngineSettings settings) {
    Rebalance r = rebalance(definition, ctx, day, current, settings, true);
    if (r.plan == null) {
      return new Step(r.regime, r.fraction, List.of(), BigDecimal.ZERO, current);
    }
    return new Step(r.regime, r.fraction, r.plan.orders(), r.plan.feesPaid(),
        new Holdings(r.plan.holdingsAfter(), r.plan.cashAfter()));
  }

  /**
   * One rebalance's rules. {@code lean}: no notes (null), no weights after the trades, and no
   * plan at all (null) when the double pre-check shows that nothing would trade.
   */
  private record Rebalance(Regime regime, double fraction, Map<AssetId, Double> targets,
      RebalancePlan plan, List<String> notes) {}

  private static Rebalance rebalance(
      IndexDefinition definition,
      MarketContext ctx,
      int day,
      Holdings current,
      EngineSettings settings,
      boolean lean) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(settings, "settings");
    MarketPanel panel = ctx.panel();
    panel.requireDay(day);
    if (!settings.regime().equals(ctx.regimes().settings())) {
      throw new IllegalArgumentException("settings.regime differs from the settings the context's"
          + " regime history was computed with: build the context with the same RegimeSettings");
    }
    MarketContext.Precomputed pre = ctx.precomputed();
    PanelColumns columns = pre.columns();
    List<String> notes = lean ? null : new ArrayList<>(2);

    // Prices: the day's close, or the last close of a held asset without one (noted).
    Map<AssetId, BigDecimal> prices = new HashMap<>();
    Set<AssetId> members = new HashSet<>();
    Set<AssetId> heldStablecoins = new HashSet<>();
    for (AssetId id : current.quantities().keySet()) {
      int a = panel.indexOf(id);
      if (a < 0) {
        throw new IllegalArgumentException("held asset " + id + " is not in the panel");
      }
      if (Double.isNaN(columns.close(a, day))) {
        double close = columns.lastClose(a, day);
        if (Double.isNaN(close)) {
          throw new IllegalArgumentException(
              "held asset " + id + " has no close up to " + panel.date(day));
        }
        if (notes != null) {
          notes.add(id + " has no close on " + panel.date(day) + ": valued at its last close "
              + close);
        }
      }
      prices.put(id, pre.price(a, day));
      (pre.isStablecoin(a) ? heldStablecoins : members).add(id);
    }

    Regime regime = ctx.regimes().regime(day);
    double f = definition.regimeOverlay() ? ctx.regimes().stablecoinFraction(day) : 0;

    double[] grades = definition.needsInvestorGrades() ? ctx.investorGradesOn(day) : null;
    Map<AssetId, Double> risk = riskSleeve(definition, pre, day, members, grades, notes);
    double capacity = 0;
    for (double w : risk.values()) {
      capacity += w;
    }
    double share = f + (1 - f) * (1 - Math.min(1, capacity));
    double sleeveShare = share < 1e-12 ? 0 : share;

    Map<AssetId, Double> targets = new LinkedHashMap<>();
    risk.forEach((id, w) -> targets.put(id, w * (1 - f)));
    if (sleeveShare > 0) {
      SleeveWeights sleeve = StablecoinSleeve.weights(
          ctx.stablecoins(), columns, day, ctx.pegs(), settings.sleeve(), heldStablecoins);
      sleeve.weights().forEach((id, w) -> targets.merge(id, w * sleeveShare, Double::sum));
      if (sleeve.cash() > 1e-12 && notes != null) {
        notes.add(String.format(Locale.ROOT,
            "stablecoin sleeve: %.1f%% of it has no eligible coin with room under the caps and"
                + " stays in cash", 100 * sleeve.cash()));
      }
    }
    for (AssetId id : targets.keySet()) {
      if (!prices.containsKey(id)) {
        // Eligible assets and sleeve coins have a close within the last days: use the latest.
        prices.put(id, pre.price(panel.indexOf(id), day));
      }
    }
    if (lean && nothingToTrade(current, targets, panel, columns, day, definition)) {
      return new Rebalance(regime, f, targets, null, null);
    }
    // Doubles summed in another order may exceed 1 by an ulp; OrderPlanner allows 1e-9.
    RebalancePlan plan = OrderPlanner.plan(current.quantities(), prices, current.cash(), targets,
        definition.driftBand(), definition.minTradeUsd(), definition.feeBps(), !lean);
    return new Rebalance(regime, f, targets, plan, notes);
  }

  /** {@link OrderPlanner#certainlyNothingToTrade} on the holdings and targets. */
  private static boolean nothingToTrade(Holdings current, Map<AssetId, Double> targets,
      MarketPanel panel, PanelColumns columns, int day, IndexDefinition definition) {
    int size = current.quantities().size() + targets.size();
    double[] quantities = new double[size];
    double[] prices = new double[size];
    double[] weights = new double[size];
    int n = 0;
    for (Map.Entry<AssetId, BigDecimal> e : current.quantities().entrySet()) {
      quantities[n] = Decimals.toDouble(e.getValue());
      // The double the exact price was made from: the close, or the last one.
      prices[n] = columns.lastClose(panel.indexOf(e.getKey()), day);
      weights[n++] = targets.getOrDefault(e.getKey(), 0.0);
    }
    for (Map.Entry<AssetId, Double> e : targets.entrySet()) {
      if (!current.quantities().containsKey(e.getKey())) {
        prices[n] = columns.lastClose(panel.indexOf(e.getKey()), day);
        weights[n++] = e.getValue();
      }
    }
    return OrderPlanner.certainlyNothingToTrade(quantities, prices, weights, n,
        Decimals.toDouble(current.cash()), definition.driftBand(),
        definition.minTradeUsd().doubleValue(), definition.feeBps());
  }

  /**
   * The risk sleeve's weights, summing to 1, or to the caps' capacity when too few assets are
   * eligible (noted, unless {@code notes} is null); empty when none is.
   */
  private static Map<AssetId, Double> riskSleeve(IndexDefinition definition,
      MarketContext.Precomputed pre, int day, Set<AssetId> members, double[] grades,
      List<String> notes) {
    PanelColumns columns = pre.columns();
    try {
      // No exclusion reasons: a decision does not keep them.
      return IndexMethodology.targetWeights(definition, columns, day, members, grades, false)
          .asMap();
    } catch (InfeasibleCapsException e) {
      Caps caps = definition.caps();
      TargetWeights uncapped;
      try {
        // Built once per definition and context: the constructor parses the cron again.
        IndexDefinition withoutCaps =
            pre.shared(new Uncapped(definition), k -> uncapped(definition));
        uncapped = IndexMethodology.targetWeights(withoutCaps, columns, day, members,
            grades, false);
      } catch (InfeasibleCapsException none) {
        if (notes != null) {
          notes.add("risk sleeve empty: no asset is eligible on " + columns.panel().date(day)
              + "; the whole risk sleeve goes to the stablecoin sleeve");
        }
        return Map.of();
      }
      // Largest raw weight first: it gets the largest cap, the others theirs.
      Map<AssetId, Double> out = new LinkedHashMap<>();
      for (TargetWeights.Entry entry : uncapped.weights()) {
        out.put(entry.asset(), out.isEmpty() ? caps.largestCap() : caps.otherCap());
      }
      int n = out.size();
      if (notes != null) {
        notes.add(String.format(Locale.ROOT,
            "risk sleeve infeasible: %d eligible asset(s) hold at most %.0f%% under caps %s/%s;"
                + " each is held at its cap and the other %.0f%% of the risk sleeve goes to the"
                + " stablecoin sleeve", n, 100 * caps.capacity(n), caps.largestCap(),
            caps.otherCap(), 100 * (1 - caps.capacity(n))));
      }
      return out;
    }
  }

  /** The same definition without caps, to rank and select when the caps cannot be met. */
  /** The key of {@link #uncapped} in {@link MarketContext.Precomputed#shared}. */
  private record Uncapped(IndexDefinition definition) {}

  private static IndexDefinition uncapped(IndexDefinition d) {
    return new IndexDefinition(d.id(), d.name(), d.description(), d.universe(), d.selection(),
        d.weighting(), Caps.none(), d.rebalanceCron(), d.driftBand(), d.minTradeUsd(),
        d.feeBps(), d.regimeOverlay());
  }
}
