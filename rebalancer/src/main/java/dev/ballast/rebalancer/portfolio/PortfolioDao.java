package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.store.Columns;
import dev.ballast.core.portfolio.CustomWeights;
import dev.ballast.core.portfolio.LedgerEntry;
import dev.ballast.core.portfolio.Portfolio;
import dev.ballast.core.portfolio.PortfolioId;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.order.Side;
import dev.ballast.rebalancer.store.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The portfolio tables ({@code V30__create_portfolios.sql}). Every read and write of a portfolio
 * by its owner names the owner in the SQL, so that another owner's portfolio is never found.
 * Writes run in the caller's transaction, after {@link #lock}.
 */
interface PortfolioDao extends SqlObject {

  /** A portfolio row with its cash. */
  record Row(Portfolio portfolio, BigDecimal cash) {}

  /** A follower of an index, and since when it follows. */
  record Follower(PortfolioId id, String owner, Instant since) {}

  default PortfolioId insert(String owner, String name, Instant at) {
    return PortfolioId.of(getHandle().createUpdate("INSERT INTO portfolios (owner, name,"
            + " created_at, cash) VALUES (:owner, :name, :at, 0)")
        .bind("owner", owner).bind("name", name).bind("at", Columns.utc(at))
        .executeAndReturnGeneratedKeys("portfolio_id").mapTo(Long.class).one());
  }

  /**
   * A portfolio's row and holdings, read by one statement: one consistent snapshot without a
   * transaction (a portfolio's value is read far more often than it changes).
   */
  default Optional<Snapshot> snapshot(String owner, PortfolioId id) {
    Map<AssetId, BigDecimal> holdings = new TreeMap<>();
    List<Row> rows = getHandle().createQuery("SELECT p.portfolio_id, p.owner, p.name,"
            + " p.created_at, p.cash, h.symbol, h.quantity FROM portfolios p LEFT JOIN"
            + " portfolio_holdings h ON h.portfolio_id = p.portfolio_id"
            + " WHERE p.portfolio_id = :id AND p.owner = :owner")
        .bind("id", id.value()).bind("owner", owner)
        .map((rs, ctx) -> {
          String symbol = rs.getString("symbol");
          if (symbol != null) {
            holdings.put(AssetId.of(symbol), rs.getBigDecimal("quantity").stripTrailingZeros());
          }
          return row(rs);
        })
        .list();
    return rows.isEmpty() ? Optional.empty() : Optional.of(new Snapshot(rows.get(0), holdings));
  }

  /** A portfolio's row and holdings as of one statement. */
  record Snapshot(Row row, Map<AssetId, BigDecimal> holdings) {}

  default Optional<Row> find(String owner, PortfolioId id) {
    return getHandle().createQuery("SELECT * FROM portfolios WHERE portfolio_id = :id"
            + " AND owner = :owner")
        .bind("id", id.value()).bind("owner", owner).map((rs, ctx) -> row(rs)).findOne();
  }

  /** Locks the portfolio's row until the transaction ends: its writes are serialised. */
  default Optional<Row> lock(String owner, PortfolioId id) {
    return getHandle().createQuery("SELECT * FROM portfolios WHERE portfolio_id = :id"
            + " AND owner = :owner FOR UPDATE")
        .bind("id", id.value()).bind("owner", owner).map((rs, ctx) -> row(rs)).findOne();
  }

  default List<Portfolio> page(String owner, long afterId, int limit) {
    return getHandle().createQuery("SELECT * FROM portfolios WHERE owner = :owner"
            + " AND portfolio_id > :after ORDER BY portfolio_id FETCH FIRST :limit ROWS ONLY")
        .bind("owner", owner).bind("after", afterId).bind("limit", limit)
        .map((rs, ctx) -> row(rs).portfolio()).list();
  }

  default int rename(String owner, PortfolioId id, String name) {
    return getHandle().createUpdate("UPDATE portfolios SET name = :name WHERE portfolio_id = :id"
            + " AND owner = :owner")
        .bind("name", name).bind("id", id.value()).bind("owner", owner).execute();
  }

  default int delete(String owner, PortfolioId id) {
    return getHandle().createUpdate("DELETE FROM portfolios WHERE portfolio_id = :id"
            + " AND owner = :owner")
        .bind("id", id.value()).bind("owner", owner).execute();
  }

  default void setCash(PortfolioId id, BigDecimal cash) {
    getHandle().createUpdate("UPDATE portfolios SET cash = :cash WHERE portfolio_id = :id")
        .bind("cash", cash).bind("id", id.value()).execute();
  }

  default Map<AssetId, BigDecimal> holdings(PortfolioId id) {
    Map<AssetId, BigDecimal> out = new TreeMap<>();
    getHandle().createQuery("SELECT symbol, quantity FROM portfolio_holdings"
            + " WHERE portfolio_id = :id")
        .bind("id", id.value())
        .map((rs, ctx) -> out.put(AssetId.of(rs.getString("symbol")),
            rs.getBigDecimal("quantity").stripTrailingZeros()))
        .list();
    return out;
  }

  /** Sets the quantity held of an asset; zero removes the row. */
  default void setHolding(PortfolioId id, AssetId asset, BigDecimal quantity) {
    if (quantity.signum() == 0) {
      getHandle().createUpdate("DELETE FROM portfolio_holdings WHERE portfolio_id = :id"
          + " AND symbol = :symbol").bind("id", id.value()).bind("symbol", asset.symbol())
          .execute();
      return;
    }
    int updated = getHandle().createUpdate("UPDATE portfolio_holdings SET quantity = :q"
            + " WHERE portfolio_id = :id AND symbol = :symbol")
        .bind("q", quantity).bind("id", id.value()).bind("symbol", asset.symbol()).execute();
    if (updated == 0) {
      getHandle().createUpdate("INSERT INTO portfolio_holdings (portfolio_id, symbol, quantity)"
              + " VALUES (:id, :symbol, :q)")
          .bind("q", quantity).bind("id", id.value()).bind("symbol", asset.symbol()).execute();
    }
  }

  default Target target(PortfolioId id) {
    Optional<String> follow = getHandle().createQuery("SELECT index_id FROM portfolio_follows"
            + " WHERE portfolio_id = :id").bind("id", id.value()).mapTo(String.class).findOne();
    if (follow.isPresent()) {
      return new Target.Follow(IndexId.of(follow.get()));
    }
    Map<AssetId, Double> weights = new HashMap<>();
    getHandle().createQuery("SELECT symbol, weight FROM portfolio_target_weights"
            + " WHERE portfolio_id = :id").bind("id", id.value())
        .map((rs, ctx) -> weights.put(AssetId.of(rs.getString("symbol")), rs.getDouble("weight")))
        .list();
    return weights.isEmpty() ? Target.NONE : new Target.Custom(new CustomWeights(weights));
  }

  default void setTarget(PortfolioId id, Target target, Instant at) {
    getHandle().createUpdate("DELETE FROM portfolio_follows WHERE portfolio_id = :id")
        .bind("id", id.value()).execute();
    getHandle().createUpdate("DELETE FROM portfolio_target_weights WHERE portfolio_id = :id")
        .bind("id", id.value()).execute();
    if (target instanceof Target.Follow f) {
      getHandle().createUpdate("INSERT INTO portfolio_follows (portfolio_id, index_id, since)"
              + " VALUES (:id, :index, :since)")
          .bind("id", id.value()).bind("index", f.index().value()).bind("since", Columns.utc(at))
          .execute();
    } else if (target instanceof Target.Custom c) {
      var batch = getHandle().prepareBatch("INSERT INTO portfolio_target_weights (portfolio_id,"
          + " symbol, weight) VALUES (:id, :symbol, :weight)");
      c.weights().weights().forEach((asset, w) ->
          batch.bind("id", id.value()).bind("symbol", asset.symbol()).bind("weight", w).add());
      batch.execute();
    }
  }

  /** The portfolios following an index, by id. */
  default List<Follower> followers(IndexId index) {
    return getHandle().createQuery("SELECT f.portfolio_id, p.owner, f.since"
            + " FROM portfolio_follows f JOIN portfolios p ON p.portfolio_id = f.portfolio_id"
            + " WHERE f.index_id = :index ORDER BY f.portfolio_id")
        .bind("index", index.value())
        .map((rs, ctx) -> new Follower(PortfolioId.of(rs.getLong("portfolio_id")),
            rs.getString("owner"), Columns.instant(rs, "since")))
        .list();
  }

  /** Which of these symbols are known assets. */
  default Set<AssetId> known(Collection<AssetId> assets) {
    if (assets.isEmpty()) {
      return Set.of();
    }
    Set<AssetId> out = new HashSet<>();
    getHandle().createQuery("SELECT symbol FROM assets WHERE symbol IN (<symbols>)")
        .bindList("symbols", assets.stream().map(AssetId::symbol).toList())
        .map((rs, ctx) -> out.add(AssetId.of(rs.getString("symbol")))).list();
    return out;
  }

  // ---- ledger ----

  default long insertEntry(LedgerEntry e) {
    return getHandle().createUpdate("INSERT INTO portfolio_ledger (portfolio_id, entered_at,"
            + " kind, symbol, quantity, price, fee, cash_delta, rebalance_id) VALUES (:id, :at,"
            + " :kind, :symbol, :quantity, :price, :fee, :cash, :rebalance)")
        .bind("id", e.portfolio().value()).bind("at", Columns.utc(e.at())).bind("kind", e.kind().name())
        .bind("symbol", e.asset().map(AssetId::symbol).orElse(null))
        .bind("quantity", e.quantity()).bind("price", e.price()).bind("fee", e.feeUsd())
        .bind("cash", e.cashDelta()).bind("rebalance", e.rebalanceId())
        .executeAndReturnGeneratedKeys("entry_id").mapTo(Long.class).one();
  }

  /** The portfolio's ledger, oldest first. */
  default List<LedgerEntry> ledger(PortfolioId id) {
    return getHandle().createQuery("SELECT * FROM portfolio_ledger WHERE portfolio_id = :id"
            + " ORDER BY entered_at, entry_id")
        .bind("id", id.value()).map((rs, ctx) -> entry(rs)).list();
  }

  /** Up to {@code limit} entries with ids above {@code afterId}, in id (entry) order. */
  default List<LedgerEntry> ledger(PortfolioId id, long afterId, int limit) {
    return getHandle().createQuery("SELECT * FROM portfolio_ledger WHERE portfolio_id = :id"
            + " AND entry_id > :after ORDER BY entry_id FETCH FIRST :limit ROWS ONLY")
        .bind("id", id.value()).bind("after", afterId).bind("limit", limit)
        .map((rs, ctx) -> entry(rs)).list();
  }

  // ---- rebalances ----

  default long insertRebalance(PortfolioRebalance r) {
    return getHandle().createUpdate("INSERT INTO portfolio_rebalances (portfolio_id,"
            + " executed_at, trigger_kind, index_id, index_rebalance_id, target_weights,"
            + " drift_band, min_trade_usd, fee_bps, fees, value_before, value_after) VALUES"
            + " (:id, :at, :trigger, :index, :indexRebalance, :weights, :band, :minTrade, :fee,"
            + " :fees, :before, :after)")
        .bind("id", r.portfolio().value()).bind("at", Columns.utc(r.executedAt()))
        .bind("trigger", r.trigger().name())
        .bind("index", r.index().map(IndexId::value).orElse(null))
        .bind("indexRebalance", r.indexRebalanceId().orElse(null))
        .bind("weights", Json.writeWeights(r.targetWeights())).bind("band", r.driftBand())
        .bind("minTrade", r.minTradeUsd()).bind("fee", r.feeBps()).bind("fees", r.feesUsd())
        .bind("before", r.valueBeforeUsd()).bind("after", r.valueAfterUsd())
        .executeAndReturnGeneratedKeys("rebalance_id").mapTo(Long.class).one();
  }

  default void setValueAfter(long rebalanceId, BigDecimal fees, BigDecimal valueAfter) {
    getHandle().createUpdate("UPDATE portfolio_rebalances SET fees = :fees,"
            + " value_after = :after WHERE rebalance_id = :id")
        .bind("fees", fees).bind("after", valueAfter).bind("id", rebalanceId).execute();
  }

  default boolean applied(PortfolioId id, long indexRebalanceId) {
    return getHandle().createQuery("SELECT COUNT(*) FROM portfolio_rebalances"
            + " WHERE portfolio_id = :id AND index_rebalance_id = :r")
        .bind("id", id.value()).bind("r", indexRebalanceId).mapTo(Integer.class).one() > 0;
  }

  /** The portfolio's rebalances with their fills, newest first, ids below {@code beforeId}. */
  default List<PortfolioRebalance> rebalances(PortfolioId id, long beforeId, int limit) {
    List<PortfolioRebalance> rows = getHandle().createQuery("SELECT * FROM portfolio_rebalances"
            + " WHERE portfolio_id = :id AND rebalance_id < :before"
            + " ORDER BY rebalance_id DESC FETCH FIRST :limit ROWS ONLY")
        .bind("id", id.value()).bind("before", beforeId).bind("limit", limit)
        .map((rs, ctx) -> rebalance(rs)).list();
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<Order>> fills = new HashMap<>();
    getHandle().createQuery("SELECT * FROM portfolio_ledger WHERE rebalance_id IN (<ids>)"
            + " ORDER BY entry_id")
        .bindList("ids", rows.stream().map(PortfolioRebalance::id).toList())
        .map((rs, ctx) -> entry(rs))
        .forEach(e -> fills.computeIfAbsent(e.rebalanceId(), k -> new ArrayList<>())
            .add(new Order(e.asset().orElseThrow(),
                e.kind() == LedgerEntry.Kind.BUY ? Side.BUY : Side.SELL, e.quantity(), e.price(),
                e.quantity().multiply(e.price()), e.feeUsd())));
    List<PortfolioRebalance> out = new ArrayList<>(rows.size());
    for (PortfolioRebalance r : rows) {
      out.add(new PortfolioRebalance(r.id(), r.portfolio(), r.executedAt(), r.trigger(),
          r.index(), r.indexRebalanceId(), r.targetWeights(), r.driftBand(), r.minTradeUsd(),
          r.feeBps(), fills.getOrDefault(r.id(), List.of()), r.feesUsd(), r.valueBeforeUsd(),
          r.valueAfterUsd()));
    }
    return out;
  }

  // ---- mapping ----

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(new Portfolio(PortfolioId.of(rs.getLong("portfolio_id")),
        rs.getString("owner"), rs.getString("name"), Columns.instant(rs, "created_at")),
        rs.getBigDecimal("cash").stripTrailingZeros());
  }

  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    String symbol = rs.getString("symbol");
    BigDecimal price = rs.getBigDecimal("price");
    long rebalance = rs.getLong("rebalance_id");
    Long rebalanceId = rs.wasNull() ? null : rebalance;
    return new LedgerEntry(rs.getLong("entry_id"), PortfolioId.of(rs.getLong("portfolio_id")),
        Columns.instant(rs, "entered_at"), LedgerEntry.Kind.valueOf(rs.getString("kind")),
        Optional.ofNullable(symbol).map(AssetId::of),
        rs.getBigDecimal("quantity").stripTrailingZeros(),
        price == null ? null : price.stripTrailingZeros(),
        rs.getBigDecimal("fee").stripTrailingZeros(),
        rs.getBigDecimal("cash_delta").stripTrailingZeros(), rebalanceId);
  }

  private static PortfolioRebalance rebalance(ResultSet rs) throws SQLException {
    long indexRebalance = rs.getLong("index_rebalance_id");
    Optional<Long> indexRebalanceId = rs.wasNull() ? Optional.empty()
        : Optional.of(indexRebalance);
    return new PortfolioRebalance(rs.getLong("rebalance_id"),
        PortfolioId.of(rs.getLong("portfolio_id")), Columns.instant(rs, "executed_at"),
        PortfolioRebalance.Trigger.valueOf(rs.getString("trigger_kind")),
        Optional.ofNullable(rs.getString("index_id")).map(IndexId::of), indexRebalanceId,
        Json.readWeights(rs.getString("target_weights")), rs.getDouble("drift_band"),
        rs.getBigDecimal("min_trade_usd").stripTrailingZeros(), rs.getDouble("fee_bps"),
        List.of(), rs.getBigDecimal("fees").stripTrailingZeros(),
        rs.getBigDecimal("value_before").stripTrailingZeros(),
        rs.getBigDecimal("value_after").stripTrailingZeros());
  }
}
