package dev.ballast.rebalancer.backtest;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.Holdings;
import dev.ballast.rebalancer.engine.IndexEngine;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.engine.OffCycle;
import dev.ballast.rebalancer.engine.Step;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.order.Decimals;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.panel.PanelColumns;
import dev.ballast.rebalancer.regime.Regime;
import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.IntConsumer;
import org.quartz.CronExpression;

/**
 * Runs an index definition over history, one day at a time, through the same {@link IndexEngine}
 * the scheduler uses. Stateless and thread-safe; {@link #sweep} runs many definitions in
 * parallel on one shared context.
 *
 * <p><b>Timing.</b> Day {@code d}'s decision reads data of days {@code ≤ d} and trades at the
 * closes of {@code d}; the curve is valued at the closes after the day's trades. A calendar fire
 * at instant {@code t} (the definition's Quartz cron, in UTC) decides on the last full day before
 * {@code t}: {@code t}'s UTC date minus one day. The weekly Monday 00:00 fire uses Sunday's bar,
 * which closes at that instant (CoinGecko stores the 00:00 snapshot of D+1 as the close of D), so
 * the decision's price is also the price it trades at. Several fires on one day are one
 * rebalance.
 *
 * <p><b>Triggers.</b> The first day starts in cash and rebalances at once ({@link
 * Trigger#SCHEDULED}, reason "inception"). Off-cycle ({@link Trigger#OFF_CYCLE}) on day {@code
 * d} by {@link OffCycle}, the live daily check's rule: a held stablecoin worth at least the
 * minimum trade is DEPEG that day, so it is rotated out at the close of {@code d}; or, for an
 * index with the overlay, the regime's stablecoin fraction on {@code d} differs from the one the
 * last rebalance used, so that a monthly index does not wait a month to de-risk. A day with
 * several reasons is one rebalance, SCHEDULED if the calendar fired, with every reason.
 */
public final class Backtester {

  private Backtester() {}

  /**
   * Backtests {@code definition} from {@code from} to {@code to} inclusive, clipped to the panel
   * (with a warning), with the benchmarks when the settings ask for them.
   *
   * @throws IllegalArgumentException if the range is reversed or outside the panel
   */
  public static BacktestResult run(IndexDefinition definition, MarketContext ctx,
      LocalDate from, LocalDate to, BacktestSettings settings, Progress progress) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(progress, "progress");
    List<String> warnings = new ArrayList<>();
    int[] range = range(ctx.panel(), from, to, warnings);
    int first = range[0];
    int last = range[1];
    int n = last - first + 1;
    boolean noOverlayBenchmark = settings.benchmarks() && definition.regimeOverlay();
    int total = n * (noOverlayBenchmark ? 2 : 1);
    int[] done = {0};
    IntConsumer tick = i -> progress.update(++done[0], total);

    Simulation index = simulate(definition, ctx, first, last, settings, true, tick);
    List<BacktestResult.Series> series = new ArrayList<>();
    double capital = settings.initialCapital().doubleValue();
    LocalDate start = ctx.panel().date(first);
    series.add(index.series(definition.id().value(), definition.name(), start, capital));
    if (settings.benchmarks()) {
      btcBuyAndHold(ctx, first, last, capital, definition.feeBps(), warnings)
          .ifPresent(series::add);
      if (noOverlayBenchmark) {
        IndexDefinition plain = withoutOverlay(definition);
        Simulation s = simulate(plain, ctx, first, last, settings, false, tick);
        series.add(s.series(definition.id().value() + "-no-overlay",
            definition.name() + " without the regime overlay", start, capital));
      }
    }
    warnings.addAll(engineWarnings(index.decisions));
    warnings.add(survivorship(ctx.panel()));
    return new BacktestResult(definition, start, ctx.panel().date(last), series,
        index.decisions, warnings);
  }

  /** One definition's figures in a {@link #sweep}. */
  public record SweepResult(IndexDefinition definition, Metrics metrics, int rebalances) {}

  /**
   * Backtests every definition over the same range on one shared context, without benchmarks
   * and without keeping the decisions, in parallel (the common fork-join pool); results in the
   * order of {@code definitions}.
   */
  public static List<SweepResult> sweep(List<IndexDefinition> definitions, MarketContext ctx,
      LocalDate from, LocalDate to, BacktestSettings settings) {
    Objects.requireNonNull(ctx, "ctx");
    int[] range = range(ctx.panel(), from, to, new ArrayList<>());
    double capital = settings.initialCapital().doubleValue();
    LocalDate start = ctx.panel().date(range[0]);
    return definitions.parallelStream()
        .map(d -> {
          Simulation s = simulate(d, ctx, range[0], range[1], settings, false, i -> { });
          return new SweepResult(d, s.metrics(start, capital), s.rebalances);
        })
        .toList();
  }

  /** The definition as a benchmark: the same rules, never in the stablecoin sleeve by regime. */
  static IndexDefinition withoutOverlay(IndexDefinition d) {
    return new IndexDefinition(d.id(), d.name(), d.description(), d.universe(), d.selection(),
        d.weighting(), d.caps(), d.rebalanceCron(), d.driftBand(), d.minTradeUsd(), d.feeBps(),
        false);
  }

  private static int[] range(MarketPanel panel, LocalDate from, LocalDate to,
      List<String> warnings) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    LocalDate start = panel.start();
    LocalDate end = panel.date(panel.days() - 1);
    if (to.isBefore(start) || from.isAfter(end)) {
      throw new IllegalArgumentException(
          "range " + from + ".." + to + " is outside the market data " + start + ".." + end);
    }
    if (from.isBefore(start)) {
      warnings.add("the market data starts on " + start + ": the backtest starts there, not on "
          + from);
      from = start;
    }
    if (to.isAfter(end)) {
      warnings.add("the market data ends on " + end + ": the backtest ends there, not on " + to);
      to = end;
    }
    return new int[] {panel.dayOf(from), panel.dayOf(to)};
  }

  /** One strategy's daily run. */
  private static final class Simulation {
    final double[] equity;
    final double[] stable;
    final List<Decision> decisions = new ArrayList<>();
    double traded;
    double fees;
    int rebalances;

    Simulation(int days) {
      equity = new double[days];
      stable = new double[days];
    }

    Metrics metrics(LocalDate start, double capital) {
      return Metrics.of(start, capital, equity, traded, fees, stable);
    }

    BacktestResult.Series series(String name, String description, LocalDate start,
        double capital) {
      return new BacktestResult.Series(name, description, equity, stable,
          metrics(start, capital));
    }
  }

  private static Simulation simulate(IndexDefinition def, MarketContext ctx, int first,
      int last, BacktestSettings settings, boolean keep, IntConsumer tick) {
    MarketPanel panel = ctx.panel();
    MarketContext.Precomputed pre = ctx.precomputed();
    PanelColumns columns = pre.columns();
    int n = last - first + 1;
    // By panel day; every backtest on the context with this calendar shares it.
    Instant[] fires = pre.shared(new FireDays(def.rebalanceCron()),
        k -> scheduled(def.rebalanceCron(), panel, 0, panel.days() - 1));
    Simulation sim = new Simulation(n);
    OffCycle offCycle = OffCycle.of(def, ctx);

    Holdings holdings = Holdings.cash(settings.initialCapital());
    // The holdings as primitives for the daily valuation.
    int[] held = new int[0];
    double[] qty = new double[0];
    boolean[] stablecoin = new boolean[0];
    double cash = settings.initialCapital().doubleValue();
    double lastFraction = 0;
    Regime lastRegime = null;

    for (int i = 0; i < n; i++) {
      int d = first + i;
      Trigger trigger = null;
      // Only a kept decision reads the reason: a sweep does not write it.
      StringBuilder reason = keep ? new StringBuilder() : null;
      if (i == 0) {
        trigger = Trigger.SCHEDULED;
        append(reason, "inception");
      } else {
        if (fires[d] != null) {
          trigger = Trigger.SCHEDULED;
          append(reason, "calendar " + def.rebalanceCron() + " fired at " + fires[d]);
        }
        if (offCycle.regimeChanged(d, lastFraction)) {
          trigger = trigger == null ? Trigger.OFF_CYCLE : trigger;
          if (keep) {
            append(reason, offCycle.regimeReason(d, lastRegime, lastFraction));
          }
        }
        if (offCycle.depeg(d, held, qty)) {
          trigger = trigger == null ? Trigger.OFF_CYCLE : trigger;
          if (keep) {
            append(reason, offCycle.depegReason(d, held, qty));
          }
        }
      }
      if (trigger != null) {
        Step step;
        if (keep) {
          Decision decision = IndexEngine.decide(def, ctx, d, holdings, trigger,
              reason.toString(), settings.engine());
          sim.decisions.add(decision);
          step = decision.step();
        } else {
          step = IndexEngine.step(def, ctx, d, holdings, settings.engine());
        }
        sim.rebalances++;
        sim.fees += step.feesPaid().doubleValue();
        if (i > 0) {
          for (Order o : step.orders()) {
            sim.traded += o.notionalUsd().doubleValue();
          }
        }
        lastFraction = step.stablecoinFraction();
        lastRegime = step.regime();
        if (step.after() != holdings) {
          holdings = step.after();
          held = new int[holdings.quantities().size()];
          qty = new double[held.length];
          stablecoin = new boolean[held.length];
          int k = 0;
          for (Map.Entry<AssetId, BigDecimal> e : holdings.quantities().entrySet()) {
            held[k] = panel.indexOf(e.getKey());
            stablecoin[k] = pre.isStablecoin(held[k]);
            qty[k++] = Decimals.toDouble(e.getValue());
          }
          cash = Decimals.toDouble(holdings.cash());
        }
      }
      double value = cash;
      double stable = 0;
      for (int k = 0; k < held.length; k++) {
        double close = columns.close(held[k], d);
        double v = qty[k] * (Double.isNaN(close) ? columns.lastClose(held[k], d) : close);
        value += v;
        if (stablecoin[k]) {
          stable += v;
        }
      }
      sim.equity[i] = value;
      sim.stable[i] = value > 0 ? stable / value : 0;
      tick.accept(i);
    }
    return sim;
  }

  /** The key of a calendar's fire days in {@link MarketContext.Precomputed#shared}. */
  private record FireDays(String cron) {}

  /** Adds a reason, unless the reason is not kept (null). */
  private static void append(StringBuilder reason, String more) {
    if (reason != null) {
      reason.append(reason.isEmpty() ? "" : "; ").append(more);
    }
  }

  /**
   * For each day of the range, the calendar fire that decides on it, or null. A fire at {@code
   * t} decides on the day before {@code t}'s UTC date; the first fire on a day stands for all of
   * that day's fires.
   */
  static Instant[] scheduled(String cron, MarketPanel panel, int first, int last) {
    CronExpression expression;
    try {
      expression = new CronExpression(cron);
    } catch (ParseException e) {
      throw new IllegalArgumentException("rebalanceCron " + cron + ": " + e.getMessage(), e);
    }
    expression.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    Instant[] out = new Instant[last - first + 1];
    LocalDate firstDate = panel.date(first);
    // Fires deciding on days first..last have UTC dates first+1..last+1.
    Instant from = firstDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = panel.date(last).plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    Date next = expression.getNextValidTimeAfter(Date.from(from.minusMillis(1)));
    while (next != null && next.toInstant().isBefore(end)) {
      Instant t = next.toInstant();
      LocalDate fireDate = t.atZone(ZoneOffset.UTC).toLocalDate();
      int i = (int) (fireDate.minusDays(1).toEpochDay() - firstDate.toEpochDay());
      if (out[i] == null) {
        out[i] = t;
      }
      // Skip the rest of that day: one rebalance a day.
      Instant nextDay = fireDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      next = expression.getNextValidTimeAfter(Date.from(nextDay.minusMillis(1)));
    }
    return out;
  }

  private static java.util.Optional<BacktestResult.Series> btcBuyAndHold(MarketContext ctx,
      int first, int last, double capital, double feeBps, List<String> warnings) {
    MarketPanel panel = ctx.panel();
    int btc = panel.indexOf(AssetId.of("BTC"));
    if (btc < 0) {
      warnings.add("no BTC in the market data: the " + BacktestResult.BTC_BENCHMARK
          + " benchmark is left out");
      return java.util.Optional.empty();
    }
    PanelColumns columns = ctx.precomputed().columns();
    double price = columns.close(btc, first);
    if (Double.isNaN(price)) {
      warnings.add("BTC has no close on " + panel.date(first) + ": the "
          + BacktestResult.BTC_BENCHMARK + " benchmark is left out");
      return java.util.Optional.empty();
    }
    // Everything into BTC at the first close, paying the index's fee once.
    double quantity = capital / (price * (1 + feeBps / 10_000));
    double fee = capital - quantity * price;
    int n = last - first + 1;
    double[] equity = new double[n];
    for (int i = 0; i < n; i++) {
      equity[i] = quantity * columns.lastClose(btc, first + i);
    }
    double[] stable = new double[n];
    Metrics metrics = Metrics.of(panel.date(first), capital, equity, 0, fee, stable);
    return java.util.Optional.of(new BacktestResult.Series(BacktestResult.BTC_BENCHMARK,
        "all in BTC at the first close, held", equity, stable, metrics));
  }

  /** What the engine's notes say about the whole run, once each, not per rebalance. */
  private static List<String> engineWarnings(List<Decision> decisions) {
    List<String> out = new ArrayList<>();
    summarise(decisions, "risk sleeve infeasible", "the risk sleeve had too few eligible assets"
        + " for its caps; the rest went to the stablecoin sleeve", out);
    summarise(decisions, "risk sleeve empty", "no asset was eligible for the risk sleeve", out);
    summarise(decisions, "stablecoin sleeve:", "part of the stablecoin sleeve had no eligible"
        + " coin with room under its caps and was held in cash", out);
    summarise(decisions, "has no close on", "a held asset had no close and was valued at its"
        + " last one", out);
    return out;
  }

  private static void summarise(List<Decision> decisions, String prefix, String what,
      List<String> out) {
    int count = 0;
    LocalDate firstDay = null;
    LocalDate lastDay = null;
    for (Decision d : decisions) {
      if (d.notes().stream().anyMatch(n -> n.startsWith(prefix) || n.contains(prefix))) {
        count++;
        firstDay = firstDay == null ? d.marketDay() : firstDay;
        lastDay = d.marketDay();
      }
    }
    if (count > 0) {
      out.add(what + " on " + count + " of " + decisions.size() + " rebalances, from "
          + firstDay + " to " + lastDay + " (see each rebalance's notes)");
    }
  }

  private static String survivorship(MarketPanel panel) {
    boolean simulated = panel.assets().stream()
        .allMatch(a -> a.name() != null && a.name().endsWith("(simulated)"));
    if (simulated) {
      return "simulated market: its universe is fixed at the start and keeps its collapsed"
          + " assets, so there is no survivorship bias, and the figures say nothing about real"
          + " markets";
    }
    return "survivorship bias: the backtest sees only the " + panel.assetCount() + " assets in"
        + " the data set (" + panel.assets().stream().filter(Asset::isStablecoin).count()
        + " stablecoins), chosen from today's market; coins that collapsed or were delisted"
        + " (LUNA, UST, FTT, ...) are missing unless the data set kept them, which flatters"
        + " every return here";
  }
}
