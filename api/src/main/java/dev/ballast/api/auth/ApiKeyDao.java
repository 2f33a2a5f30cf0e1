package dev.ballast.api.auth;

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
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code api_keys} table. Keys are found by their hash, never by the key. */
@RegisterRowMapper(ApiKeyDao.Mapper.class)
interface ApiKeyDao {

  String COLUMNS = "id, name, role, created_at, revoked_at, last_used_at";

  @SqlUpdate("INSERT INTO api_keys (name, role, key_hash, created_at)"
      + " VALUES (:name, :role, :hash, :createdAt)")
  @GetGeneratedKeys("id")
  long insert(@Bind("name") String name, @Bind("role") String role, @Bind("hash") String hash,
      @Bind("createdAt") OffsetDateTime createdAt);

  @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
  Optional<ApiKey> activeByHash(@Bind("hash") String hash);

  @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
  Optional<ApiKey> find(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id > :after ORDER BY id"
      + " FETCH FIRST :limit ROWS ONLY")
  List<ApiKey> page(@Bind("after") long after, @Bind("limit") int limit);

  @SqlQuery("SELECT id FROM api_keys WHERE name = :name AND revoked_at IS NULL")
  List<Long> activeIdsByName(@Bind("name") String name);

  @SqlUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
  int revoke(@Bind("id") long id, @Bind("at") OffsetDateTime at);

  @SqlUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
  int touch(@Bind("id") long id, @Bind("at") OffsetDateTime at);

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Maps a row of {@link #COLUMNS}. */
  final class Mapper implements RowMapper<ApiKey> {
    @Override
    public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ApiKey(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
          instant(rs, "created_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
  }
}
