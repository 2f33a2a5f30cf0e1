package dev.ballast.api;

import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PortfolioApiContract} on H2. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PortfolioApiH2IT extends PortfolioApiContract {

  private static final TestDatabase DB = TestDatabase.h2();

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
