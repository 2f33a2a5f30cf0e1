package dev.ballast.core.store;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes {@link Asset}s. */
@RegisterRowMapper(AssetDao.AssetMapper.class)
public interface AssetDao {

  String COLUMNS = "symbol, name, kind, peg_currency, peg_target, collateral, issuer";

  @SqlQuery("SELECT " + COLUMNS + " FROM assets ORDER BY symbol")
  List<Asset> all();

  @SqlQuery("SELECT " + COLUMNS + " FROM assets WHERE kind = :kind ORDER BY symbol")
  List<Asset> byKind(@Bind("kind") AssetKind kind);

  @SqlQuery("SELECT " + COLUMNS + " FROM assets WHERE symbol = :id")
  Optional<Asset> find(@Bind("id") AssetId id);

  @SqlQuery("SELECT COUNT(*) FROM assets")
  long count();

  /** Inserts the asset, or updates its name and terms if its symbol is known. */
  default void save(Asset asset) {
    if (update(asset) == 0) {
      insert(asset);
    }
  }

  /** Prefer {@link #insert(Asset)}; this form exists for the SQL binding. */
  @SqlUpdate(
      "INSERT INTO assets (" + COLUMNS + ") VALUES (:id, :name, :kind, :pegCurrency,"
          + " :pegTarget, :collateral, :issuer)")
  void insert(@Bind("id") AssetId id, @Bind("name") String name, @Bind("kind") AssetKind kind,
      @Bind("pegCurrency") String pegCurrency, @Bind("pegTarget") BigDecimal pegTarget,
      @Bind("collateral") Collateral collateral, @Bind("issuer") String issuer);

  default void insert(Asset asset) {
    StablecoinTerms t = asset.stablecoin();
    insert(asset.id(), asset.name(), asset.kind(),
        t == null ? null : t.pegCurrency(), t == null ? null : t.pegTarget(),
        t == null ? null : t.collateral(), t == null ? null : t.issuer());
  }

  /** Prefer {@link #update(Asset)}; this form exists for the SQL binding. */
  @SqlUpdate(
      "UPDATE assets SET name = :name, kind = :kind, peg_currency = :pegCurrency,"
          + " peg_target = :pegTarget, collateral = :collateral, issuer = :issuer"
          + " WHERE symbol = :id")
  int update(@Bind("id") AssetId id, @Bind("name") String name, @Bind("kind") AssetKind kind,
      @Bind("pegCurrency") String pegCurrency, @Bind("pegTarget") BigDecimal pegTarget,
      @Bind("collateral") Collateral collateral, @Bind("issuer") String issuer);

  default int update(Asset asset) {
    StablecoinTerms t = asset.stablecoin();
    return update(asset.id(), asset.name(), asset.kind(),
        t == null ? null : t.pegCurrency(), t == null ? null : t.pegTarget(),
        t == null ? null : t.collateral(), t == null ? null : t.issuer());
  }

  @SqlUpdate("DELETE FROM assets")
  int deleteAll();

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
