package dev.ballast.rebalancer.engine;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegStatus;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.order.Decimals;
import dev.ballast.rebalancer.order.OrderPlanner;
import dev.ballast.rebalancer.panel.PanelColumns;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.sleeve.DepegWatch;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an index rebalances between its calendar dates ({@link Trigger#OFF_CYCLE}), and why:
 * the one rule that the live daily check and the backtester both decide with, so that a backtest
 * shows what the live index does. Made once per definition and context; its checks allocate
 * nothing, for the backtester's daily loop. Immutable and thread-safe.
 *
 * <p>On panel day {@code d}, given the holdings and the stablecoin fraction that the index's last
 * rebalance left:
 *
 * <ul>
 *   <li><b>Depeg</b>: a held stablecoin is DEPEG on {@code d} (WATCH is not enough, see {@link
 *       DepegWatch}) and worth at least the definition's {@code minTradeUsd} at its last close up
 *       to {@code d}. A smaller holding is dust that {@link OrderPlanner} does not sell (an order
 *       below the minimum is skipped, a full exit included): rebalancing for it would trade
 *       nothing, and would do so every day while the coin stays off its peg.
 *   <li><b>Regime</b>: the definition has the overlay and the regime's stablecoin fraction on
 *       {@code d} differs from the one the last rebalance used.
 * </ul>
 *
 * <p>Holdings are read as doubles (quantity × last close, in USD), as the backtester values them;
 * the planner's exact decimals may judge a holding within a rounding of the minimum the other way.
 */
public final class OffCycle {

  private final IndexDefinition definition;
  private final MarketContext ctx;
  private final MarketContext.Precomputed pre;
  private final PanelColumns columns;
  private final double minTradeUsd;

  private OffCycle(IndexDefinition definition, MarketContext ctx) {
    this.definition = definition;
    this.ctx = ctx;
    this.pre = ctx.precomputed();
    this.columns = pre.columns();
    this.minTradeUsd = definition.minTradeUsd().doubleValue();
  }

  /** The rule for {@code definition} on the market of {@code ctx}. */
  public static OffCycle of(IndexDefinition definition, MarketContext ctx) {
    return new OffCycle(Objects.requireNonNull(definition, "definition"),
        Objects.requireNonNull(ctx, "ctx"));
  }

  /**
   * Whether a held stablecoin worth at least the minimum trade is DEPEG on {@code day}.
   *
   * @param held the panel indices of the held assets
   * @param quantities their quantities, in the same order
   */
  public boolean depeg(int day, int[] held, double[] quantities) {
    for (int k = 0; k < held.length; k++) {
      if (counts(held[k], quantities[k], day)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the overlay's stablecoin fraction on {@code day} differs from {@code lastFraction}. */
  public boolean regimeChanged(int day, double lastFraction) {
    return definition.regimeOverlay() && ctx.regimes().stablecoinFraction(day) != lastFraction;
  }

  /** Why {@link #depeg} is true: each held DEPEG stablecoin worth the minimum, with its reasons. */
  public String depegReason(int day, int[] held, double[] quantities) {
    MarketPanel panel = ctx.panel();
    Set<AssetId> depegged = new TreeSet<>();
    for (int k = 0; k < held.length; k++) {
      if (counts(held[k], quantities[k], day)) {
        depegged.add(panel.asset(held[k]).id());
      }
    }
    return DepegWatch.offCycleNeeded(depegged, ctx.pegs(), panel.date(day))
        .orElse("held stablecoin DEPEG: " + depegged);
  }

  /** Why {@link #regimeChanged} is true: the regimes and fractions before and on {@code day}. */
  public String regimeReason(int day, Regime lastRegime, double lastFraction) {
    return String.format(Locale.ROOT, "regime %s → %s: stablecoin fraction %.0f%% → %.0f%%",
        lastRegime, ctx.regimes().regime(day), 100 * lastFraction,
        100 * ctx.regimes().stablecoinFraction(day));
  }

  /**
   * The reason for an off-cycle rebalance on {@code day} after a rebalance that left {@code
   * holdings} (quantities by asset) with {@code lastRegime} and {@code lastFraction}; empty when
   * none is due. Held assets outside the panel cannot be DEPEG here and are passed over.
   */
  public Optional<String> reason(int day, Map<AssetId, BigDecimal> holdings, Regime lastRegime,
      double lastFraction) {
    ctx.panel().requireDay(day);
    int[] held = new int[holdings.size()];
    double[] quantities = new double[held.length];
    int n = 0;
    for (Map.Entry<AssetId, BigDecimal> e : holdings.entrySet()) {
      int a = ctx.panel().indexOf(e.getKey());
      if (a >= 0) {
        held[n] = a;
        quantities[n++] = Decimals.toDouble(e.getValue());
      }
    }
    if (n < held.length) {
      held = Arrays.copyOf(held, n);
      quantities = Arrays.copyOf(quantities, n);
    }
    StringBuilder reason = new StringBuilder();
    if (regimeChanged(day, lastFraction)) {
      reason.append(regimeReason(day, lastRegime, lastFraction));
    }
    if (depeg(day, held, quantities)) {
      reason.append(reason.isEmpty() ? "" : "; ").append(depegReason(day, held, quantities));
    }
    return reason.isEmpty() ? Optional.empty() : Optional.of(reason.toString());
  }

  /** Whether panel asset {@code a}, {@code quantity} held, counts as a DEPEG stablecoin. */
  private boolean counts(int a, double quantity, int day) {
    return pre.isStablecoin(a) && pre.pegStatus(a, day) == PegStatus.DEPEG
        && quantity * columns.lastClose(a, day) >= minTradeUsd;
  }
}
