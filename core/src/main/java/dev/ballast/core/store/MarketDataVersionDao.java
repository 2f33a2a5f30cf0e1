package dev.ballast.core.store;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The version of the stored market (assets and daily bars): a counter that {@link AssetDao} and
 * {@link BarDao} raise in the transaction of each write that changes rows, after the write. A
 * reader that caches something derived from the whole market reads the version first and the
 * market after: the data it read are then at least as new as the version, so keying the cache by
 * the version can rebuild it once too often but never keep it stale. One row: reading it costs
 * no scan of {@code daily_bars}. Writes that bypass the DAOs (plain SQL) must raise it
 * themselves.
 */
public interface MarketDataVersionDao extends SqlObject {

  @SqlQuery("SELECT version FROM market_data_version WHERE id = 1")
  long current();

  /**
   * Raises the version by one, in the caller's transaction. The row stays locked until that
   * transaction ends: another writer's bump waits for it.
   *
   * @throws IllegalStateException if the row is missing (the schema was not migrated)
   */
  default void bump() {
    int rows = getHandle()
        .createUpdate("UPDATE market_data_version SET version = version + 1 WHERE id = 1")
        .execute();
    if (rows != 1) {
      throw new IllegalStateException(
          "market_data_version has " + rows + " rows, not 1: migrate the database first");
    }
  }
}
