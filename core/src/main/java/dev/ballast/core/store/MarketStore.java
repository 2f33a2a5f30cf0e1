package dev.ballast.core.store;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes market data as whole units of work: one asset's history in one transaction, a whole
 * dataset in one transaction, so that a failure leaves the database as it was. A write that
 * changes assets or bars raises the {@link MarketDataVersionDao market data version} in the same
 * transaction (the DAOs do). Thread-safe.
 */
public final class MarketStore {

  private final Jdbi jdbi;
  private final Clock clock;

  public MarketStore(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Where this database's market data came from; empty for a database never loaded. */
  public Optional<DatasetOrigin> origin() {
    return jdbi.withExtension(DatasetDao.class, DatasetDao::origin);
  }

  /**
   * Loads a whole dataset into an empty database in one transaction. Returns false, changing
   * nothing, if the database already holds a dataset (perhaps claimed by another process at the
   * same moment).
   */
  public boolean loadIfEmpty(
      DatasetOrigin origin, String description, List<Asset> assets, List<PriceSeries> series) {
    return jdbi.inTransaction(handle -> {
      DatasetDao dataset = handle.attach(DatasetDao.class);
      if (dataset.origin().isPresent() || handle.attach(AssetDao.class).count() > 0) {
        return false;
      }
      dataset.claim(origin, description, clock.instant());
      AssetDao assetDao = handle.attach(AssetDao.class);
      assets.forEach(assetDao::insert);
      BarDao bars = handle.attach(BarDao.class);
      for (PriceSeries s : series) {
        bars.insertAll(s.bars().iterator());
      }
      return true;
    });
  }

  /**
   * Makes sure the database is marked as holding {@code origin}: claims an empty database, or
   * with {@code replace} deletes a dataset of another origin first (assets, bars, quotes and
   * everything that cascades from them).
   *
   * @throws DatasetConflictException if the database holds another origin and not told to
   *     replace it
   */
  public void prepareFor(DatasetOrigin origin, String description, boolean replace) {
    jdbi.useTransaction(handle -> {
      DatasetDao dataset = handle.attach(DatasetDao.class);
      Optional<DatasetOrigin> current = dataset.origin();
      if (current.isPresent() && current.get() == origin) {
        return;
      }
      if (current.isPresent()) {
        if (!replace) {
          throw new DatasetConflictException(current.get(), origin);
        }
        handle.attach(AssetDao.class).deleteAll();
        dataset.clear();
      }
      dataset.claim(origin, description, clock.instant());
    });
  }

  /**
   * Saves an asset and its bars in one transaction: days not stored yet are inserted, stored
   * days whose values differ are updated, equal days are left alone, so writing the same
   * history twice changes nothing.
   */
  public WriteResult writeHistory(Asset asset, List<DailyBar> bars) {
    for (DailyBar bar : bars) {
      if (!bar.asset().equals(asset.id())) {
        throw new IllegalArgumentException("bar of " + bar.asset() + " given for " + asset.id());
      }
    }
    return jdbi.inTransaction(handle -> write(handle, asset, bars));
  }

  private static WriteResult write(Handle handle, Asset asset, List<DailyBar> bars) {
    handle.attach(AssetDao.class).save(asset);
    BarDao barDao = handle.attach(BarDao.class);
    Map<java.time.LocalDate, DailyBar> stored = new HashMap<>();
    if (!bars.isEmpty()) {
      for (DailyBar bar : barDao.series(asset.id()).bars()) {
        stored.put(bar.date(), bar);
      }
    }
    List<DailyBar> inserts = new ArrayList<>();
    List<DailyBar> updates = new ArrayList<>();
    for (DailyBar bar : bars) {
      DailyBar old = stored.get(bar.date());
      if (old == null) {
        inserts.add(bar);
      } else if (!old.equals(bar)) {
        updates.add(bar);
      }
    }
    barDao.insertAll(inserts.iterator());
    barDao.updateAll(updates.iterator());
    return new WriteResult(inserts.size(), updates.size(),
        bars.size() - inserts.size() - updates.size());
  }

  /** What {@link #writeHistory} did, in days. */
  public record WriteResult(int inserted, int updated, int unchanged) {}
}
