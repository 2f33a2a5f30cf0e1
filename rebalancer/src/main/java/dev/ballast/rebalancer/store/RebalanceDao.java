package dev.ballast.rebalancer.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.store.Columns;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.regime.Regime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The live indices' rebalances and holdings. {@link #insert} relies on the table's unique
 * (index, trigger, slot) constraint for at-most-once: callers run it in a transaction and treat
 * a constraint violation as "someone else did it".
 */
public interface RebalanceDao extends SqlObject {

  /** Stores a rebalance and its holdings (in the caller's transaction); returns it with its id. */
  default StoredRebalance insert(StoredRebalance r) {
    long id = getHandle().createUpdate("INSERT INTO rebalances (index_id, trigger_kind, slot,"
            + " reason, executed_at, market_day, regime, stablecoin_fraction, evidence,"
            + " weights_before, weights_after, orders, notes, fees, value_before, value_after,"
            + " cash_after) VALUES (:index, :trigger, :slot, :reason, :executedAt, :marketDay,"
            + " :regime, :fraction, :evidence, :before, :after, :orders, :notes, :fees,"
            + " :valueBefore, :valueAfter, :cashAfter)")
        .bind("index", r.index().value())
        .bind("trigger", r.trigger().name())
        .bind("slot", r.slot().map(Columns::utc).orElse(null))
        .bind("reason", r.reason())
        .bind("executedAt", Columns.utc(r.executedAt()))
        .bind("marketDay", r.marketDay())
        .bind("regime", r.regime().name())
        .bind("fraction", r.stablecoinFraction())
        .bind("evidence", r.evidenceJson())
        .bind("before", Json.writeWeights(r.weightsBefore()))
        .bind("after", Json.writeWeights(r.weightsAfter()))
        .bind("orders", r.ordersJson())
        .bind("notes", String.join("\n", r.notes()))
        .bind("fees", r.fees())
        .bind("valueBefore", r.valueBefore())
        .bind("valueAfter", r.valueAfter())
        .bind("cashAfter", r.cashAfter())
        .executeAndReturnGeneratedKeys("rebalance_id")
        .mapTo(Long.class).one();
    if (!r.holdings().isEmpty()) {
      PreparedBatch batch = getHandle().prepareBatch(
          "INSERT INTO index_holdings (rebalance_id, symbol, quantity) VALUES (:id, :symbol, :q)");
      new TreeMap<>(r.holdings()).forEach((asset, q) ->
          batch.bind("id", id).bind("symbol", asset.symbol()).bind("q", q).add());
      batch.execute();
    }
    return byId(id).orElseThrow();
  }

  /** A rebalance by id, as stored (decimals at the column's scale). */
  default Optional<StoredRebalance> byId(long id) {
    return getHandle().createQuery("SELECT * FROM rebalances WHERE rebalance_id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne().map(this::withHoldings);
  }

  /** Whether the index already has a rebalance of this trigger for this slot. */
  default boolean exists(IndexId index, Trigger trigger, Instant slot) {
    return getHandle().createQuery("SELECT COUNT(*) FROM rebalances WHERE index_id = :index"
            + " AND trigger_kind = :trigger AND slot = :slot")
        .bind("index", index.value()).bind("trigger", trigger.name())
        .bind("slot", Columns.utc(slot))
        .mapTo(Integer.class).one() > 0;
  }

  /** The index's latest rebalance (by market day, then by id): its current holdings. */
  default Optional<StoredRebalance> latest(IndexId index) {
    return latestOnOrBefore(index, LocalDate.of(9999, 12, 31));
  }

  /** The latest rebalance whose market day is on or before {@code day}: the holdings of that day. */
  default Optional<StoredRebalance> latestOnOrBefore(IndexId index, LocalDate day) {
    return getHandle().createQuery("SELECT * FROM rebalances WHERE index_id = :index"
            + " AND market_day <= :day ORDER BY market_day DESC, rebalance_id DESC"
            + " FETCH FIRST 1 ROWS ONLY")
        .bind("index", index.value()).bind("day", day)
        .map((rs, ctx) -> map(rs)).findOne().map(this::withHoldings);
  }

  /** The index's rebalances, newest first, those with an id below {@code beforeId}. */
  default List<StoredRebalance> page(IndexId index, long beforeId, int limit) {
    List<StoredRebalance> rows = getHandle().createQuery("SELECT * FROM rebalances"
            + " WHERE index_id = :index AND rebalance_id < :before"
            + " ORDER BY rebalance_id DESC FETCH FIRST :limit ROWS ONLY")
        .bind("index", index.value()).bind("before", beforeId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs)).list();
    return withHoldings(rows);
  }

  /** Every rebalance of the index whose market day is in the range, oldest first. */
  default List<StoredRebalance> between(IndexId index, LocalDate from, LocalDate to) {
    List<StoredRebalance> rows = getHandle().createQuery("SELECT * FROM rebalances"
            + " WHERE index_id = :index AND market_day BETWEEN :from AND :to"
            + " ORDER BY market_day, rebalance_id")
        .bind("index", index.value()).bind("from", from).bind("to", to)
        .map((rs, ctx) -> map(rs)).list();
    return withHoldings(rows);
  }

  default long count(IndexId index) {
    return getHandle().createQuery("SELECT COUNT(*) FROM rebalances WHERE index_id = :index")
        .bind("index", index.value()).mapTo(Long.class).one();
  }

  private StoredRebalance withHoldings(StoredRebalance r) {
    return withHoldings(List.of(r)).get(0);
  }

  /** The rebalances with their holdings, read in one query rather than one per rebalance. */
  private List<StoredRebalance> withHoldings(List<StoredRebalance> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, Map<AssetId, BigDecimal>> holdings = new HashMap<>();
    getHandle().createQuery("SELECT rebalance_id, symbol, quantity FROM index_holdings"
            + " WHERE rebalance_id IN (<ids>)")
        .bindList("ids", rows.stream().map(StoredRebalance::id).toList())
        .map((rs, ctx) -> holdings
            .computeIfAbsent(rs.getLong("rebalance_id"), id -> new HashMap<>())
            .put(AssetId.of(rs.getString("symbol")),
                rs.getBigDecimal("quantity").stripTrailingZeros()))
        .list();
    List<StoredRebalance> out = new ArrayList<>(rows.size());
    for (StoredRebalance r : rows) {
      out.add(new StoredRebalance(r.id(), r.index(), r.trigger(), r.slot(), r.reason(),
          r.executedAt(), r.marketDay(), r.regime(), r.stablecoinFraction(), r.evidenceJson(),
          r.weightsBefore(), r.weightsAfter(), r.ordersJson(), r.notes(), r.fees(),
          r.valueBefore(), r.valueAfter(), r.cashAfter(),
          holdings.getOrDefault(r.id(), Map.of())));
    }
    return out;
  }

  private static StoredRebalance map(ResultSet rs) throws SQLException {
    String notes = rs.getString("notes");
    return new StoredRebalance(
        rs.getLong("rebalance_id"),
        IndexId.of(rs.getString("index_id")),
        Trigger.valueOf(rs.getString("trigger_kind")),
        Optional.ofNullable(Columns.instant(rs, "slot")),
        rs.getString("reason"),
        Columns.instant(rs, "executed_at"),
        rs.getObject("market_day", LocalDate.class),
        Regime.valueOf(rs.getString("regime")),
        rs.getDouble("stablecoin_fraction"),
        rs.getString("evidence"),
        Json.readWeights(rs.getString("weights_before")),
        Json.readWeights(rs.getString("weights_after")),
        rs.getString("orders"),
        notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n")),
        rs.getBigDecimal("fees").stripTrailingZeros(),
        rs.getBigDecimal("value_before").stripTrailingZeros(),
        rs.getBigDecimal("value_after").stripTrailingZeros(),
        rs.getBigDecimal("cash_after").stripTrailingZeros(),
        Map.of());
  }
}
