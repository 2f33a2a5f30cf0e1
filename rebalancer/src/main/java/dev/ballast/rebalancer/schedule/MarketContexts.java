package dev.ballast.rebalancer.schedule;

import dev.ballast.core.store.MarketDataVersionDao;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored market, graded and with its regimes, as the rebalance engine reads it: built from
 * every stored bar up to the newest day and kept until the stored market changes, so that a
 * day's rebalances and API calls share one build. Whether it changed is the {@link
 * MarketDataVersionDao market data version}, which every write of assets or bars raises: one row
 * read per call, not a scan of the bars. Thread-safe.
 */
public final class MarketContexts {

  private final Jdbi jdbi;
  private final RatingService ratings;
  private final RegimeSettings regimeSettings;
  private Built built; // guarded by this

  public MarketContexts(Jdbi jdbi, RatingService ratings, RegimeSettings regimeSettings) {
    this.jdbi = jdbi;
    this.ratings = ratings;
    this.regimeSettings = regimeSettings;
  }

  /** The context built on the market of {@code version}; empty when no bar was stored. */
  private record Built(long version, Optional<MarketContext> context) {}

  /** The market up to its newest stored day; empty while no market data is stored. */
  public Optional<MarketContext> latest() {
    // Read before the market: a write commits its rows and its version together, so what the
    // build reads is at least as new as this version. A write in between only makes the next
    // call build once more; a stale context is never kept.
    long version = jdbi.withExtension(MarketDataVersionDao.class, MarketDataVersionDao::current);
    synchronized (this) {
      if (built == null || built.version() != version) {
        built = new Built(version, ratings.lastMarketDay().map(day -> {
          RatingService.Graded graded = ratings.compute(day);
          return MarketContext.of(graded.panel(), graded.grades(), graded.pegs(),
              regimeSettings);
        }));
      }
      return built.context();
    }
  }

  public RegimeSettings regimeSettings() {
    return regimeSettings;
  }
}
