package dev.ballast.api;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.core.store.MarketStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Wires Ballast's services for one process: the database and the clock. */
final class BallastModule extends AbstractModule {

  private final Jdbi jdbi;
  private final Clock clock;
  private final GradingSettings grading;

  BallastModule(Jdbi jdbi, Clock clock, GradingSettings grading) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.grading = grading;
  }

  @Override
  protected void configure() {
    bind(Jdbi.class).toInstance(jdbi);
    bind(Clock.class).toInstance(clock);
    bindConstant().annotatedWith(Names.named("grading.initialDays")).to(grading.getInitialDays());
  }

  @Provides
  @Singleton
  RatingService ratingService(Jdbi jdbi) {
    return new RatingService(jdbi, Ratings.settings(grading));
  }

  @Provides
  @Singleton
  MarketStore marketStore(Jdbi jdbi, Clock clock) {
    return new MarketStore(jdbi, clock);
  }
}
