package dev.ballast.core.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes {@link Quote}s. A quote is identified by asset, source and instant. */
@RegisterRowMapper(QuoteDao.QuoteMapper.class)
public interface QuoteDao {

  /** Stores the quote unless the same asset, source and instant is stored already. */
  default boolean save(Quote quote) {
    return insertIfAbsent(quote.asset(), quote.source(),
        OffsetDateTime.ofInstant(quote.asOf(), ZoneOffset.UTC), quote.price()) > 0;
  }

  /** Prefer {@link #save(Quote)}; this form exists for the SQL binding. */
  @SqlUpdate("INSERT INTO quotes (symbol, source, as_of, price_usd)"
      + " SELECT :id, :source, :asOf, :price FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS"
      + " (SELECT 1 FROM quotes WHERE symbol = :id AND source = :source AND as_of = :asOf)")
  int insertIfAbsent(@Bind("id") AssetId id, @Bind("source") String source,
      @Bind("asOf") OffsetDateTime asOf, @Bind("price") java.math.BigDecimal price);

  /** The newest quote of an asset from any source. */
  @SqlQuery("SELECT symbol, source, as_of, price_usd FROM quotes WHERE symbol = :id"
      + " ORDER BY as_of DESC, source FETCH FIRST 1 ROWS ONLY")
  Optional<Quote> latest(@Bind("id") AssetId id);

  @SqlQuery("SELECT symbol, source, as_of, price_usd FROM quotes WHERE symbol = :id"
      + " AND as_of BETWEEN :from AND :to ORDER BY as_of, source")
  List<Quote> between(@Bind("id") AssetId id, @Bind("from") OffsetDateTime from,
      @Bind("to") OffsetDateTime to);

  @SqlQuery("SELECT COUNT(*) FROM quotes")
  long countAll();

  /** Maps a quote row. */
  final class QuoteMapper implements RowMapper<Quote> {
    @Override
    public Quote map(ResultSet rs, StatementContext ctx) throws SQLException {
      Instant asOf = rs.getObject("as_of", OffsetDateTime.class).toInstant();
      return new Quote(new AssetId(rs.getString("symbol")),
          rs.getBigDecimal("price_usd").stripTrailingZeros(), asOf, rs.getString("source"));
    }
  }
}
