package dev.ballast.api.health;

import com.codahale.metrics.health.HealthCheck;
import dev.ballast.core.store.BarDao;
import dev.ballast.core.store.DatasetDao;
import dev.ballast.core.store.DatasetOrigin;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/** Healthy when the database holds market data: says where it came from and how recent it is. */
public final class MarketDataHealthCheck extends HealthCheck {

  private final Jdbi jdbi;
  private final BooleanSupplier loading;

  public MarketDataHealthCheck(Jdbi jdbi, BooleanSupplier loading) {
    this.jdbi = jdbi;
    this.loading = loading;
  }

  @Override
  protected Result check() {
    if (loading.getAsBoolean()) {
      return Result.unhealthy("loading the simulated market into the new database");
    }
    return jdbi.withHandle(handle -> {
      Optional<DatasetOrigin> origin = handle.attach(DatasetDao.class).origin();
      Optional<LocalDate> last = handle.attach(BarDao.class).lastDateOfAll();
      if (origin.isEmpty() || last.isEmpty()) {
        return Result.unhealthy("no market data: import history with 'ballast import <files>'"
            + " or enable the simulated market");
      }
      return Result.healthy("%s market data up to %s", origin.get().name().toLowerCase(),
          last.get());
    });
  }
}
