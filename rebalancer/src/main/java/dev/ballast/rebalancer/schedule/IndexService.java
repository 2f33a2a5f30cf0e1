package dev.ballast.rebalancer.schedule;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.EngineSettings;
import dev.ballast.rebalancer.engine.Holdings;
import dev.ballast.rebalancer.engine.IndexEngine;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.engine.OffCycle;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.regime.RegimeEvidence;
import dev.ballast.rebalancer.store.IndexDefinitionDao;
import dev.ballast.rebalancer.store.Json;
import dev.ballast.rebalancer.store.RebalanceDao;
import dev.ballast.rebalancer.store.StoredIndex;
import dev.ballast.rebalancer.store.StoredRebalance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live indices: their stored definitions, their rebalances (scheduled, off-cycle, manual) and
 * their track record. Every rebalance decides with {@link IndexEngine}, the code the backtester
 * runs, on the stored market up to its market day, and is stored in one transaction together with
 * the holdings it leaves.
 *
 * <p><b>At most once.</b> A scheduled rebalance belongs to a slot of its index's calendar, an
 * off-cycle one to the market day it reacts to; the database's unique (index, trigger, slot)
 * constraint refuses a second rebalance of the same slot whoever fires it. Rebalances of one index
 * are also serialised by a row lock on its definition, so each starts from the holdings the
 * previous one left.
 *
 * <p><b>Market day.</b> A rebalance at instant t decides and trades at the closes of the last full
 * UTC day before t (a Monday 00:00 rebalance uses Sunday's close), or of the newest stored day if
 * the data end earlier; the stored row says which day it was. Thread-safe.
 */
public final class IndexService {

  private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);

  /** How a live index is run: the engine's regime and sleeve settings and its starting value. */
  public record Settings(EngineSettings engine, BigDecimal initialValueUsd) {
    public Settings {
      Objects.requireNonNull(engine, "engine");
      if (initialValueUsd == null || initialValueUsd.signum() <= 0) {
        throw new IllegalArgumentException(
            "initialValueUsd must be positive, was " + initialValueUsd);
      }
    }

    public static Settings defaults() {
      return new Settings(EngineSettings.defaults(), new BigDecimal("1000000"));
    }
  }

  /** What a request to rebalance came to. */
  public sealed interface Outcome {
    IndexId index();
  }

  /** The rebalance ran and is stored. */
  public record Executed(StoredRebalance rebalance) implements Outcome {
    @Override
    public IndexId index() {
      return rebalance.index();
    }
  }

  /**
   * Told of every rebalance this service stores, after its transaction committed, on the thread
   * that rebalanced (a scheduler's, or a request's). The daily check tells it again of each
   * index's latest rebalance, so that one missed (the process stopped in between) is caught up:
   * a listener must be idempotent. A listener's exception is logged and does not undo the
   * rebalance or keep other listeners from it.
   */
  public interface RebalanceListener {
    void rebalanced(StoredRebalance rebalance);
  }

  /** The slot had been rebalanced already: nothing was done. */
  public record AlreadyDone(IndexId index, Trigger trigger, Instant slot) implements Outcome {}

  /** Nothing was done, for the reason given (no market data yet, a later rebalance exists...). */
  public record Skipped(IndexId index, String reason) implements Outcome {}

  private final Jdbi jdbi;
  private final MarketContexts contexts;
  private final Clock clock;
  private final Settings settings;
  private final List<RebalanceListener> listeners = new CopyOnWriteArrayList<>();

  public IndexService(Jdbi jdbi, MarketContexts contexts, Clock clock, Settings settings) {
    this.jdbi = jdbi;
    this.contexts = contexts;
    this.clock = clock;
    this.settings = settings;
  }

  /** Adds a listener told of every rebalance from now on. */
  public void addListener(RebalanceListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void notifyListeners(StoredRebalance rebalance) {
    for (RebalanceListener listener : listeners) {
      try {
        listener.rebalanced(rebalance);
      } catch (RuntimeException e) {
        LOG.error("a listener of index {} failed on rebalance {}", rebalance.index(),
            rebalance.id(), e);
      }
    }
  }

  /** The engine settings every live rebalance decides with. */
  public EngineSettings engineSettings() {
    return settings.engine();
  }

  // ---- definitions ----

  /** Stores the built-in definitions that are not stored yet; returns how many were added. */
  public int installBuiltIns() {
    Instant now = clock.instant();
    return jdbi.inTransaction(handle -> {
      IndexDefinitionDao dao = handle.attach(IndexDefinitionDao.class);
      int added = 0;
      for (IndexDefinition d : IndexDefinitions.builtIns()) {
        if (dao.insertIfAbsent(d, true, now)) {
          added++;
        }
      }
      return added;
    });
  }

  public List<StoredIndex> indices() {
    return jdbi.withExtension(IndexDefinitionDao.class, IndexDefinitionDao::all);
  }

  public Optional<StoredIndex> index(IndexId id) {
    return jdbi.withExtension(IndexDefinitionDao.class, dao -> dao.find(id));
  }

  /**
   * Stores a new definition, or replaces a stored one when {@code replace} is true.
   *
   * @throws IllegalStateException naming the id if it exists and {@code replace} is false
   */
  public StoredIndex define(IndexDefinition definition, boolean replace) {
    Instant now = clock.instant();
    jdbi.useTransaction(handle -> {
      IndexDefinitionDao dao = handle.attach(IndexDefinitionDao.class);
      if (dao.insertIfAbsent(definition, false, now)) {
        return;
      }
      if (!replace) {
        throw new IllegalStateException("index " + definition.id() + " already exists");
      }
      dao.lock(definition.id());
      dao.update(definition, now);
    });
    return index(definition.id()).orElseThrow();
  }

  /** Deletes a definition with its whole track record; false if there was none. */
  public boolean delete(IndexId id) {
    return jdbi.inTransaction(handle -> handle.attach(IndexDefinitionDao.class).delete(id));
  }

  // ---- rebalancing ----

  /**
   * The rebalance of a calendar fire at {@code fireTime}: it belongs to the latest slot of the
   * index's calendar at or before that time (the fire time itself, unless the fire was late).
   */
  public Outcome scheduled(IndexId id, Instant fireTime) {
    Optional<StoredIndex> index = index(id);
    if (index.isEmpty()) {
      return skipped(id, "no index " + id + " is defined");
    }
    Optional<Instant> slot =
        new CronSlots(index.get().definition().rebalanceCron()).latestAtOrBefore(fireTime);
    if (slot.isEmpty()) {
      return skipped(id, "its calendar has no slot within a year before " + fireTime);
    }
    return rebalance(id, Trigger.SCHEDULED, Optional.of(slot.get()), "scheduled");
  }

  /** A rebalance asked for by an administrator, now, at the newest stored prices. */
  public Outcome manual(IndexId id, String reason) {
    return rebalance(id, Trigger.MANUAL, Optional.empty(),
        reason == null || reason.isBlank() ? "manual" : "manual: " + reason.strip());
  }

  /**
   * The daily check of every index at {@code at}: first the latest calendar slot if no rebalance
   * was stored for it (missed while no scheduler ran, or a new index: it starts at once), then an
   * off-cycle rebalance by {@link OffCycle}, the backtester's rule: a held stablecoin worth at
   * least the index's minimum trade is off its peg (DEPEG) or, for an index with the overlay, the
   * regime's stablecoin fraction differs from the one the index last rebalanced to. At most one
   * off-cycle rebalance per index and market day.
   */
  public List<Outcome> dailyCheck(Instant at) {
    List<Outcome> outcomes = new ArrayList<>();
    for (StoredIndex index : indices()) {
      IndexId id = index.id();
      try {
        Optional<Instant> slot =
            new CronSlots(index.definition().rebalanceCron()).latestAtOrBefore(at);
        if (slot.isPresent() && !jdbi.withExtension(RebalanceDao.class,
            dao -> dao.exists(id, Trigger.SCHEDULED, slot.get()))) {
          outcomes.add(rebalance(id, Trigger.SCHEDULED, slot, "scheduled (caught up)"));
        }
        offCycle(index.definition(), at).ifPresent(outcomes::add);
        if (!listeners.isEmpty()) {
          latestRebalance(id).ifPresent(this::notifyListeners); // catch up a missed one
        }
      } catch (RuntimeException e) {
        // One broken index must not keep the others from their check.
        LOG.error("daily check of index {} failed", id, e);
        outcomes.add(new Skipped(id, "failed: " + e.getMessage()));
      }
    }
    return outcomes;
  }

  /**
   * The off-cycle rebalance the market day before {@code at} calls for, if any. It belongs to
   * that market day (its slot is the instant the day's close is known), so a day is checked once.
   */
  private Optional<Outcome> offCycle(IndexDefinition definition, Instant at) {
    Optional<MarketContext> ctx = contexts.latest();
    Optional<StoredRebalance> last =
        jdbi.withExtension(RebalanceDao.class, dao -> dao.latest(definition.id()));
    if (ctx.isEmpty() || last.isEmpty()) {
      return Optional.empty();
    }
    MarketPanel panel = ctx.get().panel();
    LocalDate date = marketDay(panel, at);
    if (date.isBefore(panel.start()) || date.isBefore(last.get().marketDay())) {
      return Optional.empty();
    }
    // The backtester's rule: a depeg of dust the planner would not sell does not count.
    Optional<String> reason = OffCycle.of(definition, ctx.get()).reason(panel.dayOf(date),
        last.get().holdings(), last.get().regime(), last.get().stablecoinFraction());
    Instant slot = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return reason.map(r -> rebalance(definition.id(), Trigger.OFF_CYCLE, Optional.of(slot), r));
  }

  /** The last full UTC day before {@code at}, or the newest stored day if the data end earlier. */
  private static LocalDate marketDay(MarketPanel panel, Instant at) {
    LocalDate lastFullDay = at.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    LocalDate newest = panel.date(panel.days() - 1);
    return lastFullDay.isBefore(newest) ? lastFullDay : newest;
  }

  private static Set<AssetId> stablecoinIds(MarketContext ctx) {
    Set<AssetId> ids = new HashSet<>();
    ctx.stablecoins().forEach(a -> ids.add(a.id()));
    return ids;
  }

  /**
   * Rebalances an index once for {@code slot} (empty: manual, always runs).
   *
   * @return what happened; never throws for a slot done already or for missing market data
   */
  public Outcome rebalance(IndexId id, Trigger trigger, Optional<Instant> slot, String reason) {
    Optional<MarketContext> ctx = contexts.latest();
    if (ctx.isEmpty()) {
      return skipped(id, "no market data is stored yet");
    }
    MarketPanel panel = ctx.get().panel();
    Instant at = slot.orElse(clock.instant());
    LocalDate lastFullDay = at.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    LocalDate marketDay = marketDay(panel, at);
    if (marketDay.isBefore(panel.start())) {
      return skipped(id, "no market data before " + at);
    }
    String why = marketDay.isBefore(lastFullDay)
        ? reason + " (market data end on " + marketDay + ", "
            + ChronoUnit.DAYS.between(marketDay, lastFullDay) + " days before " + lastFullDay + ")"
        : reason;
    Outcome outcome;
    try {
      outcome = jdbi.inTransaction(handle -> rebalanceLocked(
          handle, id, trigger, slot, why, ctx.get(), panel.dayOf(marketDay)));
    } catch (UnableToExecuteStatementException e) {
      // The lock makes this rare; the unique constraint makes it safe.
      if (slot.isPresent() && jdbi.withExtension(RebalanceDao.class,
          dao -> dao.exists(id, trigger, slot.get()))) {
        return alreadyDone(id, trigger, slot.get());
      }
      throw e;
    }
    if (outcome instanceof Executed executed) {
      notifyListeners(executed.rebalance());
    }
    return outcome;
  }

  private Outcome rebalanceLocked(Handle handle, IndexId id, Trigger trigger,
      Optional<Instant> slot, String reason, MarketContext ctx, int day) {
    IndexDefinitionDao definitions = handle.attach(IndexDefinitionDao.class);
    RebalanceDao rebalances = handle.attach(RebalanceDao.class);
    if (!definitions.lock(id)) {
      return skipped(id, "no index " + id + " is defined");
    }
    if (slot.isPresent() && rebalances.exists(id, trigger, slot.get())) {
      return alreadyDone(id, trigger, slot.get());
    }
    IndexDefinition definition = definitions.find(id).orElseThrow().definition();
    LocalDate marketDay = ctx.panel().date(day);
    Optional<StoredRebalance> last = rebalances.latest(id);
    if (last.isPresent() && last.get().marketDay().isAfter(marketDay)) {
      return skipped(id, "its last rebalance traded on " + last.get().marketDay()
          + ", after this one's market day " + marketDay);
    }
    Holdings before = last.map(r -> new Holdings(r.holdings(), r.cashAfter()))
        .orElse(Holdings.cash(settings.initialValueUsd()));
    Decision decision =
        IndexEngine.decide(definition, ctx, day, before, trigger, reason, settings.engine());
    StoredRebalance stored = rebalances.insert(new StoredRebalance(0, id, trigger, slot,
        reason, clock.instant(), marketDay, decision.regime(), decision.stablecoinFraction(),
        Json.write(decision.evidence()), decision.weightsBefore(),
        decision.plan().weightsAfter(), Json.write(decision.plan().orders()), decision.notes(),
        decision.plan().feesPaid(), before.value(ctx.panel(), day),
        decision.after().value(ctx.panel(), day), decision.after().cash(),
        decision.after().quantities()));
    LOG.info("index {} rebalanced ({}, {}) on {}: {} orders, fees {} USD, regime {}", id,
        trigger, reason, marketDay, decision.plan().orders().size(),
        decision.plan().feesPaid().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
        decision.regime());
    return new Executed(stored);
  }

  // ---- track record ----

  /** Up to {@code limit} of the index's rebalances with ids below {@code beforeId}, newest first. */
  public List<StoredRebalance> rebalances(IndexId id, long beforeId, int limit) {
    return jdbi.withExtension(RebalanceDao.class, dao -> dao.page(id, beforeId, limit));
  }

  public Optional<StoredRebalance> latestRebalance(IndexId id) {
    return jdbi.withExtension(RebalanceDao.class, dao -> dao.latest(id));
  }

  /** The newest stored market day, if any market data is stored. */
  public Optional<LocalDate> newestMarketDay() {
    return contexts.latest().map(ctx -> ctx.panel().date(ctx.panel().days() - 1));
  }

  /**
   * What the index held at the close of {@code date} (newest market day when empty): the holdings
   * of its latest rebalance on or before that day, valued at the day's closes. Empty when the
   * index had not rebalanced yet by then or no market data is stored.
   *
   * @throws IllegalArgumentException if the date is after the newest market day or before the
   *     first
   */
  public Optional<IndexHoldings> holdings(IndexId id, Optional<LocalDate> date) {
    Optional<MarketContext> ctx = contexts.latest();
    if (ctx.isEmpty()) {
      return Optional.empty();
    }
    MarketPanel panel = ctx.get().panel();
    LocalDate day = date.orElse(panel.date(panel.days() - 1));
    int d = dayWithin(panel, day, "date");
    Optional<StoredRebalance> rebalance =
        jdbi.withExtension(RebalanceDao.class, dao -> dao.latestOnOrBefore(id, day));
    if (rebalance.isEmpty()) {
      return Optional.empty();
    }
    Set<AssetId> stablecoins = stablecoinIds(ctx.get());
    BigDecimal cash = rebalance.get().cashAfter();
    Map<AssetId, BigDecimal> prices = new TreeMap<>();
    BigDecimal value = cash;
    for (Map.Entry<AssetId, BigDecimal> h : rebalance.get().holdings().entrySet()) {
      BigDecimal price = BigDecimal.valueOf(lastClose(ctx.get(), h.getKey(), d));
      prices.put(h.getKey(), price);
      value = value.add(h.getValue().multiply(price));
    }
    List<IndexHoldings.Position> positions = new ArrayList<>();
    for (Map.Entry<AssetId, BigDecimal> p : prices.entrySet()) {
      BigDecimal quantity = rebalance.get().holdings().get(p.getKey());
      BigDecimal v = quantity.multiply(p.getValue());
      positions.add(new IndexHoldings.Position(p.getKey().symbol(), quantity, p.getValue(), v,
          share(v, value), stablecoins.contains(p.getKey())));
    }
    positions.sort((a, b) -> b.value().compareTo(a.value()));
    return Optional.of(new IndexHoldings(day, rebalance.get().id(),
        rebalance.get().marketDay(), value, cash, share(cash, value), positions));
  }

  /**
   * The index's value at every close from {@code from} to {@code to} (clipped to the stored
   * market and to its first rebalance), with total return, maximum drawdown and annualised
   * volatility (daily log returns × √365) over that range.
   *
   * @throws IllegalArgumentException if the range is reversed
   */
  public Optional<IndexPerformance> performance(IndexId id, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    Optional<MarketContext> ctx = contexts.latest();
    if (ctx.isEmpty()) {
      return Optional.empty();
    }
    MarketPanel panel = ctx.get().panel();
    LocalDate newest = panel.date(panel.days() - 1);
    LocalDate end = to.isAfter(newest) ? newest : to;
    List<StoredRebalance> timeline = new ArrayList<>();
    jdbi.useExtension(RebalanceDao.class, dao -> {
      dao.latestOnOrBefore(id, from).ifPresent(timeline::add);
      dao.between(id, from.plusDays(1), end).forEach(timeline::add);
    });
    if (timeline.isEmpty()) {
      return Optional.of(new IndexPerformance(from, end, 0, 0, 0, 0, List.of()));
    }
    LocalDate first = timeline.get(0).marketDay().isAfter(from)
        ? timeline.get(0).marketDay() : from;
    if (first.isBefore(panel.start())) {
      first = panel.start();
    }
    Set<AssetId> stablecoins = stablecoinIds(ctx.get());
    List<IndexPerformance.Point> points = new ArrayList<>();
    int next = 0;
    StoredRebalance current = null;
    double peak = 0;
    double maxDrawdown = 0;
    double sum = 0;
    double sumSq = 0;
    int returns = 0;
    for (LocalDate date = first; !date.isAfter(end); date = date.plusDays(1)) {
      while (next < timeline.size() && !timeline.get(next).marketDay().isAfter(date)) {
        current = timeline.get(next++);
      }
      int d = panel.dayOf(date);
      double value = current.cashAfter().doubleValue();
      double inStablecoins = 0;
      for (Map.Entry<AssetId, BigDecimal> h : current.holdings().entrySet()) {
        double v = h.getValue().doubleValue() * lastClose(ctx.get(), h.getKey(), d);
        value += v;
        if (stablecoins.contains(h.getKey())) {
          inStablecoins += v;
        }
      }
      if (!points.isEmpty()) {
        double r = Math.log(value / points.get(points.size() - 1).value());
        sum += r;
        sumSq += r * r;
        returns++;
      }
      peak = Math.max(peak, value);
      maxDrawdown = Math.max(maxDrawdown, 1 - value / peak);
      points.add(new IndexPerformance.Point(date, value, value > 0 ? inStablecoins / value : 0));
    }
    double total = points.isEmpty() ? 0
        : points.get(points.size() - 1).value() / points.get(0).value() - 1;
    double volatility = returns < 2 ? Double.NaN
        : Math.sqrt((sumSq - sum * sum / returns) / (returns - 1) * 365);
    int count = (int) timeline.stream().filter(r -> !r.marketDay().isBefore(from)).count();
    return Optional.of(new IndexPerformance(first, end, total, maxDrawdown, volatility, count,
        points));
  }

  /** The regime evidence of a day (the newest market day when empty). */
  public Optional<RegimeEvidence> regime(Optional<LocalDate> date) {
    return contexts.latest().map(ctx -> {
      MarketPanel panel = ctx.panel();
      LocalDate day = date.orElse(panel.date(panel.days() - 1));
      return ctx.regimes().evidence(dayWithin(panel, day, "date"));
    });
  }

  private static int dayWithin(MarketPanel panel, LocalDate day, String field) {
    if (day.isBefore(panel.start()) || day.isAfter(panel.date(panel.days() - 1))) {
      throw new IllegalArgumentException(field + " must be within the stored market, "
          + panel.start() + " to " + panel.date(panel.days() - 1) + ", was " + day);
    }
    return panel.dayOf(day);
  }

  /** The close of {@code day} or the last one before it (0 if none): what a held asset is worth. */
  private static double lastClose(MarketContext ctx, AssetId asset, int day) {
    // The context's columns: MarketPanel.closes copies a whole column on every call.
    int a = ctx.panel().indexOf(asset);
    double close = a < 0 ? Double.NaN : ctx.precomputed().columns().lastClose(a, day);
    return Double.isNaN(close) ? 0 : close;
  }

  private static double share(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? 0 : part.doubleValue() / whole.doubleValue();
  }

  private static Outcome alreadyDone(IndexId id, Trigger trigger, Instant slot) {
    LOG.info("index {}: the {} rebalance of {} was done already", id, trigger, slot);
    return new AlreadyDone(id, trigger, slot);
  }

  private static Outcome skipped(IndexId id, String reason) {
    LOG.info("index {}: no rebalance, {}", id, reason);
    return new Skipped(id, reason);
  }
}
