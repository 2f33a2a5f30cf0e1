package dev.ballast.ratings.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.store.Columns;
import dev.ballast.ratings.peg.PegHealth;
import dev.ballast.ratings.peg.PegStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads and writes stablecoin peg health, one row per stablecoin and day. */
public interface PegHealthDao extends SqlObject {

  String COLUMNS = "symbol, health_date, price, deviation, consensus_deviation,"
      + " worst_deviation_7d, mean_abs_deviation_7d, worst_deviation_30d,"
      + " mean_abs_deviation_30d, days_off_peg_30d, status, liquidity_warning, reasons";

  @SqlQuery("SELECT MAX(health_date) FROM peg_health")
  Optional<LocalDate> latestDate();

  /** Every stablecoin's health on one day, by symbol. */
  default List<PegHealth> day(LocalDate date) {
    return getHandle().createQuery("SELECT " + COLUMNS + " FROM peg_health"
            + " WHERE health_date = :date ORDER BY symbol")
        .bind("date", date).map((rs, ctx) -> map(rs)).list();
  }

  /** One stablecoin's health between two days, oldest first, after {@code after} if given. */
  default List<PegHealth> history(AssetId id, LocalDate from, LocalDate to,
      Optional<LocalDate> after, int limit) {
    return getHandle().createQuery("SELECT " + COLUMNS + " FROM peg_health WHERE symbol = :id"
            + " AND health_date BETWEEN :from AND :to AND health_date > :after"
            + " ORDER BY health_date FETCH FIRST :limit ROWS ONLY")
        .bind("id", id).bind("from", from).bind("to", to)
        .bind("after", after.orElse(LocalDate.of(1, 1, 1))).bind("limit", limit)
        .map((rs, ctx) -> map(rs)).list();
  }

  @SqlQuery("SELECT COUNT(*) FROM peg_health WHERE symbol = :id")
  long count(@Bind("id") AssetId id);

  /** Replaces the rows between two days (inclusive), in the caller's transaction. */
  default void replace(LocalDate from, LocalDate to, List<PegHealth> rows) {
    getHandle().createUpdate("DELETE FROM peg_health WHERE health_date BETWEEN :from AND :to")
        .bind("from", from).bind("to", to).execute();
    PreparedBatch batch = getHandle().prepareBatch("INSERT INTO peg_health (" + COLUMNS
        + ") VALUES (:symbol, :date, :price, :deviation, :consensus, :worst7, :mad7, :worst30,"
        + " :mad30, :daysOff, :status, :liquidityWarning, :reasons)");
    for (PegHealth h : rows) {
      if (h.date().isBefore(from) || h.date().isAfter(to)) {
        throw new IllegalArgumentException(
            "peg health of " + h.date() + " is outside the range " + from + ".." + to);
      }
      batch.bind("symbol", h.asset().symbol()).bind("date", h.date()).bind("price", h.price())
          .bindByType("deviation", Columns.nullIfNaN(h.deviation()), Double.class)
          .bindByType("consensus", Columns.nullIfNaN(h.consensusDeviation()), Double.class)
          .bindByType("worst7", Columns.nullIfNaN(h.worstDeviation7d()), Double.class)
          .bindByType("mad7", Columns.nullIfNaN(h.meanAbsDeviation7d()), Double.class)
          .bindByType("worst30", Columns.nullIfNaN(h.worstDeviation30d()), Double.class)
          .bindByType("mad30", Columns.nullIfNaN(h.meanAbsDeviation30d()), Double.class)
          .bind("daysOff", h.daysOffPeg30d())
          .bind("status", h.status().name())
          .bind("liquidityWarning", h.liquidityWarning())
          .bind("reasons", String.join("\n", h.reasons()))
          .add();
    }
    if (!rows.isEmpty()) {
      batch.execute();
    }
  }

  private static PegHealth map(ResultSet rs) throws SQLException {
    String reasons = rs.getString("reasons");
    return new PegHealth(
        new AssetId(rs.getString("symbol")),
        rs.getObject("health_date", LocalDate.class),
        rs.getDouble("price"),
        Columns.doubleOrNaN(rs, "deviation"),
        Columns.doubleOrNaN(rs, "consensus_deviation"),
        Columns.doubleOrNaN(rs, "worst_deviation_7d"),
        Columns.doubleOrNaN(rs, "mean_abs_deviation_7d"),
        Columns.doubleOrNaN(rs, "worst_deviation_30d"),
        Columns.doubleOrNaN(rs, "mean_abs_deviation_30d"),
        rs.getInt("days_off_peg_30d"),
        PegStatus.valueOf(rs.getString("status")),
        rs.getBoolean("liquidity_warning"),
        reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")));
  }
}
