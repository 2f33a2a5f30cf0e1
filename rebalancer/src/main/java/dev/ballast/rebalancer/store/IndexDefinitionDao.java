package dev.ballast.rebalancer.store;

import dev.ballast.core.store.Columns;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * Index definitions, stored as the JSON of {@link IndexDefinitions#toJson} and validated again by
 * {@link IndexDefinitions#parse} when read, so a row edited by hand cannot smuggle in a
 * definition the API would have refused. Timestamps are UTC.
 */
public interface IndexDefinitionDao extends SqlObject {

  default List<StoredIndex> all() {
    return getHandle().createQuery("SELECT * FROM index_definitions ORDER BY index_id")
        .map((rs, ctx) -> map(rs)).list();
  }

  default Optional<StoredIndex> find(IndexId id) {
    return getHandle().createQuery("SELECT * FROM index_definitions WHERE index_id = :id")
        .bind("id", id.value()).map((rs, ctx) -> map(rs)).findOne();
  }

  /**
   * Locks the definition's row until the end of the caller's transaction, so that two rebalances
   * of one index (a scheduled and an off-cycle one, or two schedulers) run one after the other,
   * each starting from the holdings the other left. Returns false if there is no such index.
   */
  default boolean lock(IndexId id) {
    return getHandle().createQuery(
            "SELECT index_id FROM index_definitions WHERE index_id = :id FOR UPDATE")
        .bind("id", id.value()).mapTo(String.class).findOne().isPresent();
  }

  /** Inserts a definition; false, changing nothing, if one with its id is already stored. */
  default boolean insertIfAbsent(IndexDefinition definition, boolean builtIn, Instant now) {
    if (find(definition.id()).isPresent()) {
      return false;
    }
    getHandle().createUpdate("INSERT INTO index_definitions"
            + " (index_id, name, definition, built_in, created_at, updated_at)"
            + " VALUES (:id, :name, :definition, :builtIn, :now, :now)")
        .bind("id", definition.id().value())
        .bind("name", definition.name())
        .bind("definition", IndexDefinitions.toJson(definition))
        .bind("builtIn", builtIn)
        .bind("now", Columns.utc(now))
        .execute();
    return true;
  }

  /** Replaces a stored definition; it is no longer built-in once changed. */
  default boolean update(IndexDefinition definition, Instant now) {
    return getHandle().createUpdate("UPDATE index_definitions SET name = :name,"
            + " definition = :definition, built_in = FALSE, updated_at = :now"
            + " WHERE index_id = :id")
        .bind("id", definition.id().value())
        .bind("name", definition.name())
        .bind("definition", IndexDefinitions.toJson(definition))
        .bind("now", Columns.utc(now))
        .execute() == 1;
  }

  /** Deletes a definition and, by cascade, its track record. */
  default boolean delete(IndexId id) {
    return getHandle().createUpdate("DELETE FROM index_definitions WHERE index_id = :id")
        .bind("id", id.value()).execute() == 1;
  }

  private static StoredIndex map(ResultSet rs) throws SQLException {
    return new StoredIndex(
        IndexDefinitions.parse(rs.getString("definition")),
        rs.getBoolean("built_in"),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"));
  }

}
