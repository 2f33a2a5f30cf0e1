package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.portfolio.Amounts;
import dev.ballast.core.portfolio.LedgerEntry;
import dev.ballast.core.portfolio.Portfolio;
import dev.ballast.core.portfolio.PortfolioId;
import dev.ballast.core.price.Quote;
import dev.ballast.rebalancer.engine.Holdings;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.order.OrderPlanner;
import dev.ballast.rebalancer.order.RebalancePlan;
import dev.ballast.rebalancer.order.Side;
import dev.ballast.rebalancer.schedule.IndexService;
import dev.ballast.rebalancer.store.StoredIndex;
import dev.ballast.rebalancer.store.StoredRebalance;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owners' portfolios: holdings moved by deposits, withdrawals and paper fills, each recorded in a
 * ledger; a target (an index to follow, or custom weights); rebalances planned by {@link
 * OrderPlanner} and filled on paper at current quotes, never at stale ones (a preview shows
 * them). Every method takes the owner and finds only the owner's portfolios: another owner's
 * portfolio is "not found".
 *
 * <p><b>Transactions.</b> Every change locks the portfolio's row ({@code SELECT ... FOR UPDATE})
 * and writes the ledger, the holdings and the cash in one transaction: all or nothing, and
 * concurrent changes of one portfolio are serialised. A caller that opened a transaction on the
 * same thread (JDBI's per-thread handle) makes the change part of it.
 *
 * <p><b>Following an index.</b> As an {@link IndexService.RebalanceListener}, it applies every
 * stored index rebalance to the portfolios that follow the index (and followed it when the
 * index rebalanced), each in its own transaction, at most once per portfolio and index rebalance
 * (a unique constraint decides). Thread-safe.
 */
public final class PortfolioService implements IndexService.RebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(PortfolioService.class);

  /** The longest history one request may ask for, in days. */
  public static final int MAX_HISTORY_DAYS = 3660;

  /**
   * How a portfolio with custom weights trades: the drift band, the smallest order and the fee
   * (a follower trades by its index's rules instead).
   */
  public record Settings(double driftBand, BigDecimal minTradeUsd, double feeBps) {
    public Settings {
      if (!(driftBand >= 0 && driftBand < 1)) {
        throw new IllegalArgumentException("driftBand must be in [0, 1), was " + driftBand);
      }
      if (minTradeUsd == null || minTradeUsd.signum() < 0) {
        throw new IllegalArgumentException("minTradeUsd must not be negative, was "
            + minTradeUsd);
      }
      if (!(feeBps >= 0 && feeBps <= OrderPlanner.MAX_FEE_BPS)) {
        throw new IllegalArgumentException("feeBps must be in [0, 1000], was " + feeBps);
      }
    }

    /** Drift band 0.01 (one percentage point), smallest order 10 USD, fee 10 bps (0.10%). */
    public static Settings defaults() {
      return new Settings(0.01, BigDecimal.TEN, 10);
    }
  }

  /**
   * A rebalance planned at current quotes, not executed.
   *
   * @param quotes the quote of every asset held or targeted, each marked stale or not: all of
   *     them price the plan, since the portfolio's value sizes every order
   */
  public record Preview(PortfolioRebalance rebalance,
      Map<AssetId, PortfolioQuotes.Current> quotes, RebalancePlan plan) {

    public Preview {
      quotes = Collections.unmodifiableMap(new TreeMap<>(quotes));
    }

    /** The assets whose quote is stale, in symbol order; a rebalance is refused while any is. */
    public List<AssetId> staleQuotes() {
      return quotes.entrySet().stream().filter(e -> e.getValue().stale())
          .map(Map.Entry::getKey).toList();
    }
  }

  private final Jdbi jdbi;
  private final PortfolioQuotes quotes;
  private final IndexService indices;
  private final Clock clock;
  private final Settings settings;

  public PortfolioService(Jdbi jdbi, PortfolioQuotes quotes, IndexService indices, Clock clock,
      Settings settings) {
    this.jdbi = jdbi;
    this.quotes = quotes;
    this.indices = indices;
    this.clock = clock;
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Settings settings() {
    return settings;
  }

  // ---- portfolios ----

  /** Makes an empty portfolio. @throws PortfolioException for a bad name */
  public Portfolio create(String owner, String name) {
    String checked = checkedName(name);
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      PortfolioId id = dao.insert(owner, checked, clock.instant().truncatedTo(ChronoUnit.MICROS));
      return dao.find(owner, id).orElseThrow().portfolio();
    });
  }

  /** The owner's portfolios by id, those after {@code afterId}, at most {@code limit}. */
  public List<Portfolio> list(String owner, long afterId, int limit) {
    return jdbi.withExtension(PortfolioDao.class, dao -> dao.page(owner, afterId, limit));
  }

  /**
   * A portfolio with its holdings and target. Holdings and cash come from one statement, so they
   * agree; the target is read after them (it does not have to agree with the holdings).
   */
  public Optional<PortfolioState> find(String owner, PortfolioId id) {
    return jdbi.withHandle(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      return dao.snapshot(owner, id).map(s -> new PortfolioState(s.row().portfolio(),
          new Holdings(s.holdings(), s.row().cash()), dao.target(id)));
    });
  }

  public Portfolio rename(String owner, PortfolioId id, String name) {
    String checked = checkedName(name);
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      if (dao.rename(owner, id, checked) == 0) {
        throw PortfolioException.notFound(id);
      }
      return dao.find(owner, id).orElseThrow().portfolio();
    });
  }

  /** Deletes a portfolio with its ledger, target and history. @return false if there was none */
  public boolean delete(String owner, PortfolioId id) {
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      if (dao.lock(owner, id).isEmpty()) {
        return false;
      }
      return dao.delete(owner, id) > 0;
    });
  }

  /** The whole ledger, oldest first. */
  public List<LedgerEntry> ledger(String owner, PortfolioId id) {
    return ledger(owner, id, 0, Integer.MAX_VALUE);
  }

  /** Up to {@code limit} ledger entries with ids above {@code afterId}, oldest first. */
  public List<LedgerEntry> ledger(String owner, PortfolioId id, long afterId, int limit) {
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      dao.find(owner, id).orElseThrow(() -> PortfolioException.notFound(id));
      return dao.ledger(id, afterId, limit);
    });
  }

  // ---- deposits and withdrawals ----

  /**
   * Deposits a quantity of an asset, or USD cash when {@code asset} is empty.
   *
   * @throws PortfolioException unknown portfolio, unknown asset
   * @throws IllegalArgumentException a quantity that is not positive, above 1e15 or finer than
   *     18 decimals
   */
  public LedgerEntry deposit(String owner, PortfolioId id, Optional<AssetId> asset,
      BigDecimal quantity) {
    return move(owner, id, asset, quantity, LedgerEntry.Kind.DEPOSIT);
  }

  /** Withdraws; more than held is a {@link PortfolioException.Kind#CONFLICT}, changing nothing. */
  public LedgerEntry withdraw(String owner, PortfolioId id, Optional<AssetId> asset,
      BigDecimal quantity) {
    return move(owner, id, asset, quantity, LedgerEntry.Kind.WITHDRAWAL);
  }

  private LedgerEntry move(String owner, PortfolioId id, Optional<AssetId> asset,
      BigDecimal quantity, LedgerEntry.Kind kind) {
    BigDecimal amount = Amounts.checkAmount("quantity", quantity);
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      PortfolioDao.Row row = dao.lock(owner, id)
          .orElseThrow(() -> PortfolioException.notFound(id));
      boolean deposit = kind == LedgerEntry.Kind.DEPOSIT;
      BigDecimal cashDelta = BigDecimal.ZERO;
      if (asset.isPresent()) {
        AssetId a = asset.get();
        BigDecimal held = dao.holdings(id).getOrDefault(a, BigDecimal.ZERO);
        if (deposit && !dao.known(List.of(a)).contains(a)) {
          throw PortfolioException.unprocessable("asset", "unknown asset " + a);
        }
        if (!deposit && held.compareTo(amount) < 0) {
          throw PortfolioException.conflict("quantity", "cannot withdraw "
              + amount.stripTrailingZeros().toPlainString() + " " + a + ": the portfolio holds "
              + held.stripTrailingZeros().toPlainString());
        }
        dao.setHolding(id, a, deposit ? held.add(amount) : held.subtract(amount));
      } else {
        if (!deposit && row.cash().compareTo(amount) < 0) {
          throw PortfolioException.conflict("quantity", "cannot withdraw "
              + amount.stripTrailingZeros().toPlainString() + " USD: the portfolio holds "
              + row.cash().toPlainString() + " USD in cash");
        }
        cashDelta = deposit ? amount : amount.negate();
        dao.setCash(id, row.cash().add(cashDelta));
      }
      LedgerEntry entry = new LedgerEntry(0, id, clock.instant().truncatedTo(ChronoUnit.MICROS),
          kind, asset, amount.stripTrailingZeros(), null, BigDecimal.ZERO, cashDelta, null);
      long entryId = dao.insertEntry(entry);
      return new LedgerEntry(entryId, id, entry.at(), kind, asset, entry.quantity(), null,
          BigDecimal.ZERO, cashDelta.stripTrailingZeros(), null);
    });
  }

  // ---- target ----

  /**
   * Sets the target. An index to follow must be defined; custom weights must name known assets.
   * Following an index applies its future rebalances (not its past ones): rebalance by hand to
   * catch up at once.
   */
  public Target setTarget(String owner, PortfolioId id, Target target) {
    Objects.requireNonNull(target, "target");
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      dao.lock(owner, id).orElseThrow(() -> PortfolioException.notFound(id));
      if (target instanceof Target.Follow f && indices.index(f.index()).isEmpty()) {
        throw PortfolioException.unprocessable("index", "no index " + f.index() + " is defined");
      }
      if (target instanceof Target.Custom c) {
        Set<AssetId> known = dao.known(c.weights().weights().keySet());
        for (AssetId a : c.weights().weights().keySet()) {
          if (!known.contains(a)) {
            throw PortfolioException.unprocessable("weights." + a.symbol(),
                "unknown asset " + a);
          }
        }
      }
      dao.setTarget(id, target, clock.instant().truncatedTo(ChronoUnit.MICROS));
      return dao.target(id);
    });
  }

  // ---- valuation ----

  /** The portfolio valued at current quotes; empty if the owner has no such portfolio. */
  public Optional<Valuation> value(String owner, PortfolioId id) {
    return find(owner, id).map(this::value);
  }

  private Valuation value(PortfolioState state) {
    Holdings holdings = state.holdings();
    BigDecimal value = holdings.cash();
    Map<AssetId, Quote> found = new HashMap<>();
    boolean complete = true;
    for (AssetId a : holdings.quantities().keySet()) {
      Optional<Quote> q = quoteOrEmpty(a);
      if (q.isPresent()) {
        found.put(a, q.get());
        value = value.add(holdings.quantity(a).multiply(q.get().price()));
      } else {
        complete = false;
      }
    }
    value = value.setScale(Amounts.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    List<Valuation.Position> positions = new ArrayList<>();
    for (Map.Entry<AssetId, BigDecimal> h : holdings.quantities().entrySet()) {
      Quote q = found.get(h.getKey());
      BigDecimal v = q == null ? null : h.getValue().multiply(q.price())
          .setScale(Amounts.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
      positions.add(new Valuation.Position(h.getKey(), h.getValue(), q, v,
          v == null ? null : share(v, value)));
    }
    return new Valuation(state, value, share(holdings.cash(), value), positions, complete);
  }

  private Optional<Quote> quoteOrEmpty(AssetId asset) {
    try {
      return quotes.latest(asset).map(PortfolioQuotes.Current::quote);
    } catch (RuntimeException e) {
      LOG.warn("no quote of {} for a portfolio valuation: {}", asset, e.toString());
      return Optional.empty();
    }
  }

  private static double share(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? 0 : part.divide(whole, MathContext.DECIMAL64).doubleValue();
  }

  // ---- rebalancing ----

  /** What a rebalance would do now, at current quotes; nothing is stored. */
  public Preview preview(String owner, PortfolioId id) {
    PortfolioState state = find(owner, id).orElseThrow(() -> PortfolioException.notFound(id));
    return plan(state, rules(state.target(), Optional.empty()), PortfolioRebalance.Trigger.MANUAL,
        Optional.empty());
  }

  /**
   * Rebalances now towards the target, filling every order on paper at current quotes with its
   * fee, all or nothing in one transaction.
   *
   * @throws PortfolioException no such portfolio, no target, the followed index has not
   *     rebalanced yet, a quote is missing ({@link PortfolioException.Kind#UNAVAILABLE}), or a
   *     quote is stale ({@link PortfolioException.Kind#STALE_QUOTES}); nothing is changed
   */
  public PortfolioRebalance rebalance(String owner, PortfolioId id) {
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      PortfolioDao.Row row = dao.lock(owner, id)
          .orElseThrow(() -> PortfolioException.notFound(id));
      PortfolioState state = state(dao, row);
      Rules rules = rules(state.target(), Optional.empty());
      return execute(dao, state, plan(state, rules, PortfolioRebalance.Trigger.MANUAL,
          Optional.empty()));
    });
  }

  /** The portfolio's rebalances, newest first, with ids below {@code beforeId}. */
  public List<PortfolioRebalance> rebalances(String owner, PortfolioId id, long beforeId,
      int limit) {
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      dao.find(owner, id).orElseThrow(() -> PortfolioException.notFound(id));
      return dao.rebalances(id, beforeId, limit);
    });
  }

  /** The target weights and trading rules a rebalance uses. */
  private record Rules(Map<AssetId, Double> weights, double driftBand, BigDecimal minTradeUsd,
      double feeBps, Optional<IndexId> index) {}

  /**
   * The rules of a target: custom weights with this service's settings, or the index's weights
   * after {@code rebalance} (its latest when empty) with the index's own trading rules.
   */
  private Rules rules(Target target, Optional<StoredRebalance> rebalance) {
    if (target instanceof Target.Custom c) {
      return new Rules(c.weights().weights(), settings.driftBand(), settings.minTradeUsd(),
          settings.feeBps(), Optional.empty());
    }
    if (target instanceof Target.Follow f) {
      StoredIndex index = indices.index(f.index()).orElseThrow(() -> PortfolioException
          .conflict("target", "the followed index " + f.index() + " no longer exists"));
      StoredRebalance r = rebalance.or(() -> indices.latestRebalance(f.index()))
          .orElseThrow(() -> PortfolioException.conflict("target", "the followed index "
              + f.index() + " has not rebalanced yet: there are no weights to follow"));
      Map<AssetId, Double> weights = new TreeMap<>();
      r.weightsAfter().forEach((a, w) -> {
        if (w > 0) {
          weights.put(a, w);
        }
      });
      IndexDefinition d = index.definition();
      return new Rules(weights, d.driftBand(), d.minTradeUsd(), d.feeBps(),
          Optional.of(f.index()));
    }
    throw PortfolioException.conflict("target", "the portfolio has no target: set one with"
        + " PUT /v1/portfolios/{id}/target first");
  }

  private Preview plan(PortfolioState state, Rules rules, PortfolioRebalance.Trigger trigger,
      Optional<Long> indexRebalanceId) {
    Holdings holdings = state.holdings();
    TreeSet<AssetId> assets = new TreeSet<>(holdings.quantities().keySet());
    assets.addAll(rules.weights().keySet());
    Map<AssetId, PortfolioQuotes.Current> found = new TreeMap<>();
    Map<AssetId, BigDecimal> prices = new HashMap<>();
    for (AssetId a : assets) {
      Optional<PortfolioQuotes.Current> q;
      try {
        q = quotes.latest(a);
      } catch (RuntimeException e) {
        throw PortfolioException.unavailable("quotes", "no quote of " + a
            + " can be had now: " + e.getMessage());
      }
      if (q.isEmpty()) {
        throw PortfolioException.unavailable("quotes", "no quote of " + a + " is known");
      }
      found.put(a, q.get());
      prices.put(a, q.get().quote().price());
    }
    RebalancePlan plan = OrderPlanner.plan(holdings.quantities(), prices, holdings.cash(),
        rules.weights(), rules.driftBand(), rules.minTradeUsd(), rules.feeBps());
    BigDecimal before = holdings.cash();
    for (Map.Entry<AssetId, BigDecimal> h : holdings.quantities().entrySet()) {
      before = before.add(h.getValue().multiply(prices.get(h.getKey())));
    }
    BigDecimal after = plan.cashAfter();
    for (Map.Entry<AssetId, BigDecimal> h : plan.holdingsAfter().entrySet()) {
      after = after.add(h.getValue().multiply(prices.get(h.getKey())));
    }
    PortfolioRebalance rebalance = new PortfolioRebalance(0, state.portfolio().id(),
        clock.instant().truncatedTo(ChronoUnit.MICROS), trigger, rules.index(),
        indexRebalanceId, rules.weights(), rules.driftBand(), rules.minTradeUsd(),
        rules.feeBps(), plan.orders(), money(plan.feesPaid()), money(before), money(after));
    return new Preview(rebalance, found, plan);
  }

  /**
   * Writes a planned rebalance in the caller's transaction, the portfolio's row locked: the
   * rebalance, one ledger entry per fill, the holdings and the cash. Cash moves are rounded to 18
   * decimals in the portfolio's favour (a buy's cost down, a sell's proceeds up: less than 1e-18
   * USD per fill), so that cash never goes below zero by rounding.
   *
   * <p>Refused, before anything is written, if any quote of the plan is stale: a fill at the last
   * price known from a failed source could be far from the market, and even an asset that is not
   * traded sizes the others' orders through the portfolio's value.
   */
  private PortfolioRebalance execute(PortfolioDao dao, PortfolioState state, Preview preview) {
    List<AssetId> stale = preview.staleQuotes();
    if (!stale.isEmpty()) {
      StringBuilder which = new StringBuilder();
      for (AssetId a : stale) {
        which.append(which.length() == 0 ? "" : ", ").append(a.symbol()).append(" (last known at ")
            .append(preview.quotes().get(a).quote().asOf()).append(')');
      }
      throw PortfolioException.staleQuotes("quotes", "no paper fills at stale quotes: the quote"
          + " source failed and only the last known quote" + (stale.size() == 1 ? " is" : "s are")
          + " served for " + which + "; retry when the source is back (a dry run shows the"
          + " quotes)");
    }
    PortfolioRebalance r = preview.rebalance();
    PortfolioId id = state.portfolio().id();
    long rebalanceId = dao.insertRebalance(r);
    Map<AssetId, BigDecimal> holdings = new TreeMap<>(state.holdings().quantities());
    BigDecimal cash = state.holdings().cash();
    BigDecimal fees = BigDecimal.ZERO;
    for (Order o : r.orders()) {
      BigDecimal fee = Amounts.stored(o.feeUsd(), RoundingMode.DOWN);
      BigDecimal cashDelta = o.side() == Side.BUY
          ? Amounts.stored(o.notionalUsd().add(o.feeUsd()), RoundingMode.DOWN).negate()
          : Amounts.stored(o.notionalUsd().subtract(o.feeUsd()), RoundingMode.UP);
      BigDecimal held = holdings.getOrDefault(o.asset(), BigDecimal.ZERO);
      holdings.put(o.asset(), o.side() == Side.BUY ? held.add(o.quantity())
          : held.subtract(o.quantity()));
      cash = cash.add(cashDelta);
      fees = fees.add(fee);
      dao.insertEntry(new LedgerEntry(0, id, r.executedAt(),
          o.side() == Side.BUY ? LedgerEntry.Kind.BUY : LedgerEntry.Kind.SELL,
          Optional.of(o.asset()), o.quantity(), Amounts.stored(o.price(), RoundingMode.HALF_EVEN),
          fee, cashDelta, rebalanceId));
    }
    if (cash.signum() < 0) {
      throw new IllegalStateException("cash went negative: " + cash.toPlainString());
    }
    for (Map.Entry<AssetId, BigDecimal> h : holdings.entrySet()) {
      if (!h.getValue().equals(state.holdings().quantity(h.getKey()))) {
        dao.setHolding(id, h.getKey(), h.getValue());
      }
    }
    dao.setCash(id, cash);
    BigDecimal after = cash;
    for (Map.Entry<AssetId, BigDecimal> h : holdings.entrySet()) {
      after = after.add(h.getValue().multiply(preview.quotes().get(h.getKey()).quote().price()));
    }
    dao.setValueAfter(rebalanceId, money(fees), money(after));
    return dao.rebalances(id, rebalanceId + 1, 1).get(0);
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(Amounts.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  // ---- following an index ----

  /** Called by {@link IndexService} after each stored index rebalance. */
  @Override
  public void rebalanced(StoredRebalance indexRebalance) {
    applyIndexRebalance(indexRebalance);
  }

  /**
   * Applies an index rebalance to every portfolio that follows the index and followed it when
   * the rebalance was made, each in its own transaction; a portfolio that fails (a missing or
   * stale quote) is logged and left for the next call. Safe to call again with the same
   * rebalance.
   *
   * @return how many portfolios were rebalanced by this call
   */
  public int applyIndexRebalance(StoredRebalance indexRebalance) {
    int applied = 0;
    List<PortfolioDao.Follower> followers = jdbi.withExtension(PortfolioDao.class,
        dao -> dao.followers(indexRebalance.index()));
    for (PortfolioDao.Follower f : followers) {
      if (f.since().isAfter(indexRebalance.executedAt())) {
        continue;
      }
      try {
        if (applyTo(f, indexRebalance)) {
          applied++;
        }
      } catch (UnableToExecuteStatementException e) {
        // The lock makes this rare; the unique constraint makes it safe.
        if (!jdbi.withExtension(PortfolioDao.class,
            dao -> dao.applied(f.id(), indexRebalance.id()))) {
          LOG.error("portfolio {}: index rebalance {} of {} failed", f.id(),
              indexRebalance.id(), indexRebalance.index(), e);
        }
      } catch (RuntimeException e) {
        LOG.error("portfolio {}: index rebalance {} of {} not applied: {}", f.id(),
            indexRebalance.id(), indexRebalance.index(), e.getMessage());
      }
    }
    if (applied > 0) {
      LOG.info("index {} rebalance {} applied to {} portfolio(s)", indexRebalance.index(),
          indexRebalance.id(), applied);
    }
    return applied;
  }

  private boolean applyTo(PortfolioDao.Follower follower, StoredRebalance indexRebalance) {
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      Optional<PortfolioDao.Row> row = dao.lock(follower.owner(), follower.id());
      if (row.isEmpty() || dao.applied(follower.id(), indexRebalance.id())) {
        return false;
      }
      PortfolioState state = state(dao, row.get());
      if (!(state.target() instanceof Target.Follow f) || !f.index().equals(
          indexRebalance.index())) {
        return false; // the target changed meanwhile
      }
      Rules rules = rules(state.target(), Optional.of(indexRebalance));
      execute(dao, state, plan(state, rules, PortfolioRebalance.Trigger.INDEX,
          Optional.of(indexRebalance.id())));
      return true;
    });
  }

  // ---- history ----

  /**
   * The portfolio's value at each daily close from {@code from} to {@code to} (clipped to the
   * day it was made and to the newest stored close), with the time-weighted index and drawdown;
   * see {@link PortfolioHistory}.
   *
   * @throws IllegalArgumentException if the range is reversed or longer than {@value
   *     #MAX_HISTORY_DAYS} days
   */
  public PortfolioHistory history(String owner, PortfolioId id, Optional<LocalDate> from,
      Optional<LocalDate> to) {
    return jdbi.inTransaction(h -> {
      PortfolioDao dao = h.attach(PortfolioDao.class);
      Portfolio p = dao.find(owner, id).orElseThrow(() -> PortfolioException.notFound(id))
          .portfolio();
      List<LedgerEntry> ledger = dao.ledger(id);
      LocalDate created = p.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
      Optional<LocalDate> newest = h.createQuery("SELECT MAX(bar_date) FROM daily_bars")
          .mapTo(LocalDate.class).findOne();
      LocalDate start = from.filter(d -> d.isAfter(created)).orElse(created);
      LocalDate end = to.orElse(newest.orElse(today));
      if (newest.isPresent() && end.isAfter(newest.get())) {
        end = newest.get();
      }
      if (end.isAfter(today)) {
        end = today;
      }
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
        throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
      }
      if (ChronoUnit.DAYS.between(start, end) >= MAX_HISTORY_DAYS) {
        throw new IllegalArgumentException("the range may span at most " + MAX_HISTORY_DAYS
            + " days, was " + (ChronoUnit.DAYS.between(start, end) + 1));
      }
      return history(h, ledger, start, end);
    });
  }

  private static PortfolioHistory history(Handle h, List<LedgerEntry> ledger, LocalDate start,
      LocalDate end) {
    if (start.isAfter(end)) {
      return new PortfolioHistory(start, end, List.of(), 0, 0);
    }
    Set<String> symbols = new TreeSet<>();
    ledger.forEach(e -> e.asset().ifPresent(a -> symbols.add(a.symbol())));
    Map<String, TreeMap<LocalDate, Double>> closes = new HashMap<>();
    if (!symbols.isEmpty()) {
      h.createQuery("SELECT symbol, bar_date, close_usd FROM daily_bars"
              + " WHERE symbol IN (<symbols>) AND bar_date <= :end")
          .bindList("symbols", List.copyOf(symbols)).bind("end", end)
          .map((rs, ctx) -> closes.computeIfAbsent(rs.getString("symbol"), k -> new TreeMap<>())
              .put(rs.getObject("bar_date", LocalDate.class), rs.getDouble("close_usd")))
          .list();
    }
    Map<String, Double> quantities = new HashMap<>();
    double cash = 0;
    int next = 0;
    List<PortfolioHistory.Point> points = new ArrayList<>();
    double index = 1;
    double peak = 1;
    double maxDrawdown = 0;
    double previous = Double.NaN;
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      Instant close = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      double flow = 0;
      while (next < ledger.size() && ledger.get(next).at().isBefore(close)) {
        LedgerEntry e = ledger.get(next++);
        cash += e.cashDelta().doubleValue();
        if (e.asset().isPresent()) {
          quantities.merge(e.asset().get().symbol(), e.quantityDelta().doubleValue(),
              Double::sum);
        }
        // Entries from before the range are its starting holdings, not flows within it.
        if (!e.kind().isFill() && !e.at().isBefore(day.atStartOfDay(ZoneOffset.UTC)
            .toInstant())) {
          double v = e.asset().isEmpty() ? e.cashDelta().doubleValue()
              : e.quantityDelta().doubleValue() * closeOn(closes, e.asset().get().symbol(), day);
          flow += Double.isNaN(v) ? 0 : v;
        }
      }
      double value = cash;
      int unpriced = 0;
      for (Map.Entry<String, Double> q : quantities.entrySet()) {
        if (q.getValue() == 0) {
          continue;
        }
        double c = closeOn(closes, q.getKey(), day);
        if (Double.isNaN(c)) {
          unpriced++;
        } else {
          value += q.getValue() * c;
        }
      }
      if (!Double.isNaN(previous) && previous > 0) {
        index *= (value - flow) / previous;
      }
      peak = Math.max(peak, index);
      double drawdown = peak > 0 ? 1 - index / peak : 0;
      maxDrawdown = Math.max(maxDrawdown, drawdown);
      points.add(new PortfolioHistory.Point(day, value, flow, index, drawdown, unpriced));
      previous = value;
    }
    return new PortfolioHistory(start, end, points, index - 1, maxDrawdown);
  }

  /** The close of {@code day} or the last one before it; NaN when there is none. */
  private static double closeOn(Map<String, TreeMap<LocalDate, Double>> closes, String symbol,
      LocalDate day) {
    TreeMap<LocalDate, Double> series = closes.get(symbol);
    if (series == null) {
      return Double.NaN;
    }
    Map.Entry<LocalDate, Double> e = series.floorEntry(day);
    return e == null ? Double.NaN : e.getValue();
  }

  // ---- helpers ----

  private static PortfolioState state(PortfolioDao dao, PortfolioDao.Row row) {
    PortfolioId id = row.portfolio().id();
    return new PortfolioState(row.portfolio(), new Holdings(dao.holdings(id), row.cash()),
        dao.target(id));
  }

  private static String checkedName(String name) {
    try {
      return Portfolio.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new PortfolioException(PortfolioException.Kind.UNPROCESSABLE, "name",
          e.getMessage());
    }
  }
}
