package dev.ballast.core.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The single row saying where this database's market data came from. */
public interface DatasetDao {

  @SqlQuery("SELECT origin FROM dataset WHERE id = 1")
  Optional<DatasetOrigin> origin();

  @SqlQuery("SELECT description FROM dataset WHERE id = 1")
  Optional<String> description();

  /**
   * Claims an empty database for {@code origin}. Fails with a constraint violation if another
   * process claimed it first, so two processes cannot both load into it.
   */
  @SqlUpdate("INSERT INTO dataset (id, origin, description, updated_at)"
      + " VALUES (1, :origin, :description, :at)")
  void claim(@Bind("origin") DatasetOrigin origin, @Bind("description") String description,
      @Bind("at") OffsetDateTime at);

  default void claim(DatasetOrigin origin, String description, Instant at) {
    claim(origin, description, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  @SqlUpdate("DELETE FROM dataset")
  int clear();
}
