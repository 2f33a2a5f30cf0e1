package dev.ballast.api;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.ballast.core.store.MarketStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Wires Ballast's services for one process: the database and the clock. */
final class BallastModule extends AbstractModule {

  private final Jdbi jdbi;
  private final Clock clock;

  BallastModule(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  protected void configure() {
    bind(Jdbi.class).toInstance(jdbi);
    bind(Clock.class).toInstance(clock);
  }

  @Provides
  @Singleton
  MarketStore marketStore(Jdbi jdbi, Clock clock) {
    return new MarketStore(jdbi, clock);
  }
}
