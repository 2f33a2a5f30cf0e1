package dev.ballast.rebalancer.schedule;

import dev.ballast.core.store.BarDao;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored market, graded and with its regimes, as the rebalance engine reads it: built from
 * every stored bar up to the newest day and kept until the stored market changes (a new newest
 * day or a different number of bars), so that a day's rebalances and API calls share one build.
 * Thread-safe.
 */
public final class MarketContexts {

  private final Jdbi jdbi;
  private final RatingService ratings;
  private final RegimeSettings regimeSettings;
  private Key key;
  private MarketContext context;

  public MarketContexts(Jdbi jdbi, RatingService ratings, RegimeSettings regimeSettings) {
    this.jdbi = jdbi;
    this.ratings = ratings;
    this.regimeSettings = regimeSettings;
  }

  private record Key(LocalDate lastDay, long bars) {}

  /** The market up to its newest stored day; empty while no market data is stored. */
  public Optional<MarketContext> latest() {
    Optional<Key> current = jdbi.withExtension(BarDao.class,
        bars -> bars.lastDateOfAll().map(day -> new Key(day, bars.countAll())));
    if (current.isEmpty()) {
      return Optional.empty();
    }
    synchronized (this) {
      if (!current.get().equals(key)) {
        RatingService.Graded graded = ratings.compute(current.get().lastDay());
        context = MarketContext.of(graded.panel(), graded.grades(), graded.pegs(), regimeSettings);
        key = current.get();
      }
      return Optional.of(context);
    }
  }

  public RegimeSettings regimeSettings() {
    return regimeSettings;
  }
}
