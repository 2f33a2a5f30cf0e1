package dev.ballast.api;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import dev.ballast.api.schedule.Scheduling;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.core.store.MarketStore;
import dev.ballast.rebalancer.schedule.IndexService;
import dev.ballast.rebalancer.schedule.MarketContexts;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Wires Ballast's services for one process: the database, the clock, ratings and indices. */
final class BallastModule extends AbstractModule {

  private final Jdbi jdbi;
  private final Clock clock;
  private final GradingSettings grading;
  private final IndexSettings indices;
  private final Scheduling.Settings scheduling;
  private final DataSource dataSource;

  BallastModule(Jdbi jdbi, Clock clock, GradingSettings grading, IndexSettings indices,
      Scheduling.Settings scheduling, DataSource dataSource) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.grading = grading;
    this.indices = indices;
    this.scheduling = scheduling;
    this.dataSource = dataSource;
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
  Scheduling scheduling(Injector injector) {
    return new Scheduling(injector, scheduling, dataSource);
  }

  @Provides
  @Singleton
  MarketContexts marketContexts(Jdbi jdbi, RatingService ratings) {
    return new MarketContexts(jdbi, ratings, Indices.engineSettings(indices).regime());
  }

  @Provides
  @Singleton
  IndexService indexService(Jdbi jdbi, MarketContexts contexts, Clock clock) {
    return new IndexService(jdbi, contexts, clock,
        new IndexService.Settings(Indices.engineSettings(indices), indices.getInitialValueUsd()));
  }


  @Provides
  @Singleton
  MarketStore marketStore(Jdbi jdbi, Clock clock) {
    return new MarketStore(jdbi, clock);
  }
}
