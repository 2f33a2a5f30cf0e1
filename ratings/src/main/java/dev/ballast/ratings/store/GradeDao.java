package dev.ballast.ratings.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.store.Columns;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.ratings.grade.Grade;
import dev.ballast.ratings.grade.Recommendation;
import dev.ballast.ratings.grade.TraderZone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads and writes stored grades. Lists are filtered, sorted and paged in SQL; sort columns
 * come from {@link GradeSort}, never from the request text.
 */
public interface GradeDao extends SqlObject {

  String COLUMNS = "g.symbol, g.grade_date, g.trader_grade, g.investor_grade, g.trader_change,"
      + " g.investor_change, g.zone, g.recommendation, g.trade_signal, g.trader_breakdown,"
      + " g.investor_breakdown";

  /**
   * The version of the stored grades: changes with every {@link #replace} and every write of the
   * market (which may delete assets and their grades). Read it before the grades it keys: a
   * cache keyed by it may then rebuild once too often, but never serve a page that is stale.
   */
  @SqlQuery("SELECT g.version || ':' || m.version FROM grades_version g CROSS JOIN"
      + " market_data_version m WHERE g.id = 1 AND m.id = 1")
  String version();

  @SqlQuery("SELECT MAX(grade_date) FROM grades")
  Optional<LocalDate> latestDate();

  @SqlQuery("SELECT COUNT(*) FROM grades")
  long count();

  @SqlQuery("SELECT MAX(grade_date) FROM grades WHERE symbol = :id")
  Optional<LocalDate> latestDate(@Bind("id") AssetId id);

  /** The grades of one day that pass the filter, in the given order, from {@code offset}. */
  default List<StoredGrade> day(
      LocalDate date, GradeFilter filter, GradeSort sort, boolean descending, int offset,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
        + " FROM grades g JOIN assets a ON a.symbol = g.symbol WHERE g.grade_date = :date");
    filter.kind().ifPresent(k -> sql.append(" AND a.kind = :kind"));
    filter.zone().ifPresent(z -> sql.append(" AND g.zone = :zone"));
    filter.minTrader().ifPresent(v -> sql.append(" AND g.trader_grade >= :minTrader"));
    filter.maxTrader().ifPresent(v -> sql.append(" AND g.trader_grade <= :maxTrader"));
    filter.minInvestor().ifPresent(v -> sql.append(" AND g.investor_grade >= :minInvestor"));
    filter.maxInvestor().ifPresent(v -> sql.append(" AND g.investor_grade <= :maxInvestor"));
    sql.append(" ORDER BY g.").append(sort.column()).append(descending ? " DESC" : " ASC")
        .append(" NULLS LAST, g.symbol ASC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY");
    Query query = getHandle().createQuery(sql.toString())
        .bind("date", date).bind("offset", offset).bind("limit", limit);
    filter.kind().ifPresent(k -> query.bind("kind", k.name()));
    filter.zone().ifPresent(z -> query.bind("zone", z.name()));
    filter.minTrader().ifPresent(v -> query.bind("minTrader", v));
    filter.maxTrader().ifPresent(v -> query.bind("maxTrader", v));
    filter.minInvestor().ifPresent(v -> query.bind("minInvestor", v));
    filter.maxInvestor().ifPresent(v -> query.bind("maxInvestor", v));
    return query.map((rs, ctx) -> map(rs)).list();
  }

  /**
   * Grades of every asset (or one) between two days, ordered by date then symbol, starting
   * after the key {@code (afterDate, afterSymbol)} when given: keyset paging for histories.
   */
  default List<StoredGrade> range(Optional<AssetId> id, LocalDate from, LocalDate to,
      Optional<LocalDate> afterDate, Optional<String> afterSymbol, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
        + " FROM grades g WHERE g.grade_date BETWEEN :from AND :to");
    id.ifPresent(i -> sql.append(" AND g.symbol = :id"));
    afterDate.ifPresent(d -> sql.append(" AND (g.grade_date > :afterDate OR (g.grade_date ="
        + " :afterDate AND g.symbol > :afterSymbol))"));
    sql.append(" ORDER BY g.grade_date, g.symbol FETCH FIRST :limit ROWS ONLY");
    Query query = getHandle().createQuery(sql.toString())
        .bind("from", from).bind("to", to).bind("limit", limit);
    id.ifPresent(i -> query.bind("id", i));
    afterDate.ifPresent(d -> query.bind("afterDate", d).bind("afterSymbol", afterSymbol.orElse("")));
    return query.map((rs, ctx) -> map(rs)).list();
  }

  /**
   * Replaces every stored grade between two days (inclusive) with {@code grades}, in the
   * caller's transaction: grading a range twice leaves the same rows. Raises the {@linkplain
   * #version() version} first, so that the row stays locked until the grades are in.
   */
  default void replace(LocalDate from, LocalDate to, List<StoredGrade> grades) {
    getHandle().createUpdate("UPDATE grades_version SET version = version + 1 WHERE id = 1")
        .execute();
    getHandle().createUpdate("DELETE FROM grades WHERE grade_date BETWEEN :from AND :to")
        .bind("from", from).bind("to", to).execute();
    PreparedBatch batch = getHandle().prepareBatch("INSERT INTO grades (symbol, grade_date,"
        + " trader_grade, investor_grade, trader_change, investor_change, zone, recommendation,"
        + " trade_signal, trader_breakdown, investor_breakdown) VALUES (:symbol, :date, :trader,"
        + " :investor, :traderChange, :investorChange, :zone, :recommendation, :signal,"
        + " :traderBreakdown, :investorBreakdown)");
    int pending = 0;
    for (StoredGrade s : grades) {
      Grade g = s.grade();
      if (g.date().isBefore(from) || g.date().isAfter(to)) {
        throw new IllegalArgumentException(
            "grade of " + g.date() + " is outside the range " + from + ".." + to);
      }
      batch.bind("symbol", g.asset().symbol()).bind("date", g.date())
          .bindByType("trader", Columns.nullIfNaN(g.traderGrade()), Double.class)
          .bindByType("investor", Columns.nullIfNaN(g.investorGrade()), Double.class)
          .bindByType("traderChange", Columns.nullIfNaN(s.traderChange()), Double.class)
          .bindByType("investorChange", Columns.nullIfNaN(s.investorChange()), Double.class)
          .bindByType("zone", g.zone() == null ? null : g.zone().name(), String.class)
          .bindByType("recommendation",
              g.recommendation() == null ? null : g.recommendation().name(), String.class)
          .bind("signal", (short) s.signal())
          .bind("traderBreakdown", Breakdowns.encode(g.traderBreakdown()))
          .bind("investorBreakdown", Breakdowns.encode(g.investorBreakdown()))
          .add();
      if (++pending == 5_000) {
        batch.execute();
        pending = 0;
      }
    }
    if (pending > 0) {
      batch.execute();
    }
  }

  private static StoredGrade map(ResultSet rs) throws SQLException {
    String zone = rs.getString("zone");
    String recommendation = rs.getString("recommendation");
    Grade grade = new Grade(
        new AssetId(rs.getString("symbol")),
        rs.getObject("grade_date", LocalDate.class),
        Columns.doubleOrNaN(rs, "trader_grade"),
        Columns.doubleOrNaN(rs, "investor_grade"),
        zone == null ? null : TraderZone.valueOf(zone),
        recommendation == null ? null : Recommendation.valueOf(recommendation),
        Breakdowns.decode(rs.getString("trader_breakdown")),
        Breakdowns.decode(rs.getString("investor_breakdown")));
    return new StoredGrade(grade, Columns.doubleOrNaN(rs, "trader_change"),
        Columns.doubleOrNaN(rs, "investor_change"), rs.getInt("trade_signal"));
  }

  /** Which rows of a day to list. */
  record GradeFilter(
      Optional<AssetKind> kind,
      Optional<TraderZone> zone,
      Optional<Double> minTrader,
      Optional<Double> maxTrader,
      Optional<Double> minInvestor,
      Optional<Double> maxInvestor) {

    public static GradeFilter none() {
      return new GradeFilter(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** The orders a day's grades can be listed in. */
  enum GradeSort {
    TRADER_GRADE("trader_grade"),
    INVESTOR_GRADE("investor_grade"),
    TRADER_GRADE_CHANGE("trader_change"),
    INVESTOR_GRADE_CHANGE("investor_change"),
    SYMBOL("symbol");

    private final String column;

    GradeSort(String column) {
      this.column = column;
    }

    String column() {
      return column;
    }
  }
}
