package dev.ballast.core.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Reads and writes {@link DailyBar}s. Missing values are stored as SQL NULL and read back as NaN.
 * Series are read straight into {@link PriceSeries}' columns, without a bar object per row. Every
 * write that changes rows raises the {@link MarketDataVersionDao market data version} in its
 * transaction.
 */
@RegisterRowMapper(BarDao.BarMapper.class)
public interface BarDao extends SqlObject {

  String COLUMNS =
      "symbol, bar_date, open_usd, high_usd, low_usd, close_usd, volume_usd, market_cap_usd";

  @SqlQuery("SELECT " + COLUMNS + " FROM daily_bars WHERE symbol = :id"
      + " AND bar_date BETWEEN :from AND :to ORDER BY bar_date")
  List<DailyBar> between(
      @Bind("id") AssetId id, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

  @SqlQuery("SELECT COUNT(*) FROM daily_bars WHERE symbol = :id")
  long count(@Bind("id") AssetId id);

  @SqlQuery("SELECT COUNT(*) FROM daily_bars")
  long countAll();

  @SqlQuery("SELECT MIN(bar_date) FROM daily_bars WHERE symbol = :id")
  Optional<LocalDate> firstDate(@Bind("id") AssetId id);

  @SqlQuery("SELECT MAX(bar_date) FROM daily_bars WHERE symbol = :id")
  Optional<LocalDate> lastDate(@Bind("id") AssetId id);

  /** The latest day for which any asset has a bar: "today" for the stored market. */
  @SqlQuery("SELECT MAX(bar_date) FROM daily_bars")
  Optional<LocalDate> lastDateOfAll();

  @SqlQuery("SELECT symbol, MIN(bar_date) AS first_date, MAX(bar_date) AS last_date,"
      + " COUNT(*) AS bars FROM daily_bars GROUP BY symbol ORDER BY symbol")
  @RegisterRowMapper(CoverageMapper.class)
  List<BarCoverage> coverage();

  @SqlQuery("SELECT symbol, MIN(bar_date) AS first_date, MAX(bar_date) AS last_date,"
      + " COUNT(*) AS bars FROM daily_bars WHERE symbol = :id GROUP BY symbol")
  @RegisterRowMapper(CoverageMapper.class)
  Optional<BarCoverage> coverage(@Bind("id") AssetId id);

  /** The whole history of one asset as columns; empty if it has no bars. */
  default PriceSeries series(AssetId id) {
    return series(id, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
  }

  /** The history of one asset between two days, both inclusive, as columns. */
  default PriceSeries series(AssetId id, LocalDate from, LocalDate to) {
    return getHandle()
        .createQuery("SELECT " + COLUMNS + " FROM daily_bars WHERE symbol = :id"
            + " AND bar_date BETWEEN :from AND :to ORDER BY bar_date")
        .bind("id", id)
        .bind("from", from)
        .bind("to", to)
        .scanResultSet((supplier, ctx) -> {
          ResultSet rs = supplier.get();
          PriceSeries.Builder builder = PriceSeries.builder(id, 1024);
          while (rs.next()) {
            addRow(builder, rs);
          }
          return builder.build();
        });
  }

  /**
   * The histories of every asset between two days, both inclusive, in one query: the form the
   * graders and backtests read the whole universe in.
   */
  default List<PriceSeries> allSeries(LocalDate from, LocalDate to) {
    return getHandle()
        .createQuery("SELECT " + COLUMNS + " FROM daily_bars"
            + " WHERE bar_date BETWEEN :from AND :to ORDER BY symbol, bar_date")
        .bind("from", from)
        .bind("to", to)
        .setFetchSize(10_000)
        .scanResultSet((supplier, ctx) -> {
          ResultSet rs = supplier.get();
          List<PriceSeries> all = new ArrayList<>();
          PriceSeries.Builder builder = null;
          String current = null;
          while (rs.next()) {
            String symbol = rs.getString("symbol");
            if (!symbol.equals(current)) {
              if (builder != null) {
                all.add(builder.build());
              }
              builder = PriceSeries.builder(new AssetId(symbol), 1024);
              current = symbol;
            }
            addRow(builder, rs);
          }
          if (builder != null) {
            all.add(builder.build());
          }
          return all;
        });
  }

  /**
   * Inserts the bars and, if there were any, raises the {@link MarketDataVersionDao market data
   * version}, in one transaction (the caller's, if one is open).
   */
  @Transaction
  default void insertAll(Iterator<DailyBar> bars) {
    batch("INSERT INTO daily_bars (" + COLUMNS + ") VALUES (:asset, :date, :open, :high,"
        + " :low, :close, :volume, :marketCap)", bars);
  }

  /** Updates the stored days of the bars, raising the version as {@link #insertAll} does. */
  @Transaction
  default void updateAll(Iterator<DailyBar> bars) {
    batch("UPDATE daily_bars SET open_usd = :open, high_usd = :high, low_usd = :low,"
        + " close_usd = :close, volume_usd = :volume, market_cap_usd = :marketCap"
        + " WHERE symbol = :asset AND bar_date = :date", bars);
  }

  /** Deletes every bar of the asset, raising the version if there was one; returns how many. */
  @Transaction
  default int deleteAll(AssetId id) {
    int deleted = getHandle().createUpdate("DELETE FROM daily_bars WHERE symbol = :id")
        .bind("id", id)
        .execute();
    if (deleted > 0) {
      getHandle().attach(MarketDataVersionDao.class).bump();
    }
    return deleted;
  }

  /**
   * Runs {@code sql} once per bar, its fields bound by name with NaN (missing) as SQL NULL, so
   * that a missing value can never be stored as a number; then raises the version, unless there
   * was no bar.
   */
  private void batch(String sql, Iterator<DailyBar> bars) {
    PreparedBatch batch = getHandle().prepareBatch(sql);
    while (bars.hasNext()) {
      DailyBar bar = bars.next();
      batch.bind("asset", bar.asset().symbol())
          .bind("date", bar.date())
          .bindByType("open", Columns.nullIfNaN(bar.open()), Double.class)
          .bindByType("high", Columns.nullIfNaN(bar.high()), Double.class)
          .bindByType("low", Columns.nullIfNaN(bar.low()), Double.class)
          .bind("close", bar.close())
          .bindByType("volume", Columns.nullIfNaN(bar.volume()), Double.class)
          .bindByType("marketCap", Columns.nullIfNaN(bar.marketCap()), Double.class)
          .add();
    }
    if (batch.size() > 0) {
      batch.execute();
      getHandle().attach(MarketDataVersionDao.class).bump();
    }
  }

  private static void addRow(PriceSeries.Builder builder, ResultSet rs) throws SQLException {
    builder.add(
        rs.getObject("bar_date", LocalDate.class),
        Columns.doubleOrNaN(rs, "open_usd"),
        Columns.doubleOrNaN(rs, "high_usd"),
        Columns.doubleOrNaN(rs, "low_usd"),
        rs.getDouble("close_usd"),
        Columns.doubleOrNaN(rs, "volume_usd"),
        Columns.doubleOrNaN(rs, "market_cap_usd"));
  }

  /** Maps a coverage row. */
  final class CoverageMapper implements RowMapper<BarCoverage> {
    @Override
    public BarCoverage map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new BarCoverage(new AssetId(rs.getString("symbol")),
          rs.getObject("first_date", LocalDate.class), rs.getObject("last_date", LocalDate.class),
          rs.getLong("bars"));
    }
  }

  /** Maps a row of {@link #COLUMNS}. */
  final class BarMapper implements RowMapper<DailyBar> {
    @Override
    public DailyBar map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new DailyBar(
          new AssetId(rs.getString("symbol")),
          rs.getObject("bar_date", LocalDate.class),
          Columns.doubleOrNaN(rs, "open_usd"),
          Columns.doubleOrNaN(rs, "high_usd"),
          Columns.doubleOrNaN(rs, "low_usd"),
          rs.getDouble("close_usd"),
          Columns.doubleOrNaN(rs, "volume_usd"),
          Columns.doubleOrNaN(rs, "market_cap_usd"));
    }
  }
}
