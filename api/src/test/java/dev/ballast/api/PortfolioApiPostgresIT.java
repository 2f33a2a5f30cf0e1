package dev.ballast.api;

import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PortfolioApiContract} on PostgreSQL. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PortfolioApiPostgresIT extends PortfolioApiContract {

  private static final TestDatabase DB = TestDatabase.postgres();

  static final DropwizardAppExtension<BallastConfiguration> APP = new DropwizardAppExtension<>(
      FailingQuotesApplication.class, ApiTestSupport.config(DB, false), overrides());

  @Override
  DropwizardAppExtension<BallastConfiguration> app() {
    return APP;
  }

  @Override
  TestDatabase db() {
    return DB;
  }
}
