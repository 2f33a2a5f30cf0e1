package dev.ballast.core.store;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Reads and writes {@link Asset}s. Every write that changes rows raises the {@link
 * MarketDataVersionDao market data version} in its transaction.
 */
@RegisterRowMapper(AssetDao.AssetMapper.class)
public interface AssetDao extends SqlObject {

  String COLUMNS = "symbol, name, kind, peg_currency, peg_target, collateral, issuer";

  @SqlQuery("SELECT " + COLUMNS + " FROM assets ORDER BY symbol")
  List<Asset> all();

  @SqlQuery("SELECT " + COLUMNS + " FROM assets WHERE kind = :kind ORDER BY symbol")
  List<Asset> byKind(@Bind("kind") AssetKind kind);

  @SqlQuery("SELECT " + COLUMNS + " FROM assets WHERE symbol = :id")
  Optional<Asset> find(@Bind("id") AssetId id);

  @SqlQuery("SELECT COUNT(*) FROM assets")
  long count();

  /**
   * Inserts the asset, or updates its name and terms if its symbol is known and they differ; an
   * asset stored as it is changes nothing, not even the version.
   */
  @Transaction
  default void save(Asset asset) {
    Optional<Asset> stored = find(asset.id());
    if (stored.isEmpty()) {
      insert(asset);
    } else if (!stored.get().equals(asset)) {
      update(asset);
    }
  }

  /** Inserts a new asset and raises the market data version, in one transaction. */
  @Transaction
  default void insert(Asset asset) {
    bind(getHandle().createUpdate("INSERT INTO assets (" + COLUMNS + ") VALUES (:id, :name,"
        + " :kind, :pegCurrency, :pegTarget, :collateral, :issuer)"), asset).execute();
    getHandle().attach(MarketDataVersionDao.class).bump();
  }

  /**
   * Updates the stored asset of this symbol and raises the market data version, in one
   * transaction; returns 0, changing nothing, if none is stored.
   */
  @Transaction
  default int update(Asset asset) {
    int updated = bind(getHandle().createUpdate("UPDATE assets SET name = :name, kind = :kind,"
        + " peg_currency = :pegCurrency, peg_target = :pegTarget, collateral = :collateral,"
        + " issuer = :issuer WHERE symbol = :id"), asset).execute();
    if (updated > 0) {
      getHandle().attach(MarketDataVersionDao.class).bump();
    }
    return updated;
  }

  /**
   * Deletes every asset, with their bars and quotes (the foreign keys cascade), and raises the
   * market data version if there was one; returns how many assets.
   */
  @Transaction
  default int deleteAll() {
    int deleted = getHandle().createUpdate("DELETE FROM assets").execute();
    if (deleted > 0) {
      getHandle().attach(MarketDataVersionDao.class).bump();
    }
    return deleted;
  }

  private static Update bind(Update update, Asset asset) {
    StablecoinTerms t = asset.stablecoin();
    return update.bind("id", asset.id())
        .bind("name", asset.name())
        .bind("kind", asset.kind().name())
        .bind("pegCurrency", t == null ? null : t.pegCurrency())
        .bind("pegTarget", t == null ? null : t.pegTarget())
        .bind("collateral", t == null ? null : t.collateral().name())
        .bind("issuer", t == null ? null : t.issuer());
  }

  /** Maps a row of {@link #COLUMNS}. */
  final class AssetMapper implements RowMapper<Asset> {
    @Override
    public Asset map(ResultSet rs, StatementContext ctx) throws SQLException {
      AssetId id = new AssetId(rs.getString("symbol"));
      String name = rs.getString("name");
      AssetKind kind = AssetKind.valueOf(rs.getString("kind"));
      if (kind == AssetKind.COIN) {
        return Asset.coin(id, name);
      }
      StablecoinTerms terms = new StablecoinTerms(
          rs.getString("peg_currency"),
          rs.getBigDecimal("peg_target").stripTrailingZeros(),
          Collateral.valueOf(rs.getString("collateral")),
          rs.getString("issuer"));
      return Asset.stablecoin(id, name, terms);
    }
  }
}
