package dev.ballast.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.ballast.api.cli.ImportCommand;
import dev.ballast.api.errors.ProblemMappers;
import dev.ballast.api.health.MarketDataHealthCheck;
import dev.ballast.api.resources.AssetResource;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.MarketStore;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The Ballast server and its commands. Subclassed by the web module, which adds the UI and
 * builds the runnable jar.
 */
public class BallastApplication extends Application<BallastConfiguration> {

  @Override
  public String getName() {
    return "ballast";
  }

  @Override
  public void initialize(Bootstrap<BallastConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in the YAML are read from the environment.
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    // Dates as ISO text ("2024-03-01"), never as arrays of numbers.
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    bootstrap.addCommand(new ImportCommand());
  }

  @Override
  public void run(BallastConfiguration config, Environment environment) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      // Ours answer every error with a problem body; Dropwizard's would answer some with theirs.
      server.setRegisterDefaultExceptionMappers(false);
    }
    Clock clock = Clock.systemUTC();
    ManagedDataSource dataSource =
        config.getDataSourceFactory().build(environment.metrics(), "database");
    Database.migrate(dataSource);
    Jdbi jdbi = Database.configure(new JdbiFactory()
        .build(environment, config.getDataSourceFactory(), dataSource, "database"));

    Injector injector = Guice.createInjector(new BallastModule(jdbi, clock));
    BooleanSupplier loading = () -> false;
    if (config.getMarket().isSimulated()) {
      SimulatedMarketLoader loader = new SimulatedMarketLoader(
          injector.getInstance(MarketStore.class), config.getMarket().getSeed());
      environment.lifecycle().manage(loader);
      environment.jersey().register(new LoadingFilter(loader));
      loading = loader::isLoading;
    }
    environment.healthChecks().register("market-data", new MarketDataHealthCheck(jdbi, loading));

    ProblemMappers.all().forEach(environment.jersey()::register);
    environment.jersey().register(injector.getInstance(AssetResource.class));
  }
}
