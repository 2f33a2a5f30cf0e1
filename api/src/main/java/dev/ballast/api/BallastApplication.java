package dev.ballast.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.ballast.api.cli.BacktestCommand;
import dev.ballast.api.cli.CreateKeyCommand;
import dev.ballast.api.cli.EvaluateCommand;
import dev.ballast.api.cli.GradeCommand;
import dev.ballast.api.cli.ImportCommand;
import dev.ballast.api.cli.ListKeysCommand;
import dev.ballast.api.cli.RevokeKeyCommand;
import dev.ballast.api.errors.ProblemErrorHandler;
import dev.ballast.api.errors.ProblemMappers;
import dev.ballast.api.health.GradesHealthCheck;
import dev.ballast.api.health.MarketDataHealthCheck;
import dev.ballast.api.resources.AssetResource;
import dev.ballast.api.resources.BacktestResource;
import dev.ballast.api.resources.CsvPageWriter;
import dev.ballast.api.resources.PageJsonWriter;
import dev.ballast.api.resources.EvaluationResource;
import dev.ballast.api.resources.IndexResource;
import dev.ballast.api.resources.MarketResource;
import dev.ballast.api.resources.RatingResource;
import dev.ballast.api.resources.SignalResource;
import dev.ballast.api.resources.StablecoinResource;
import dev.ballast.api.schedule.Scheduling;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.MarketStore;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.rebalancer.schedule.IndexService;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import java.util.function.BooleanSupplier;
import org.quartz.CronExpression;
import org.jdbi.v3.core.Jdbi;

/**
 * The Ballast server and its commands. Subclassed by the web module, which adds the UI and
 * builds the runnable jar.
 */
public class BallastApplication extends Application<BallastConfiguration> {

  private volatile Injector injector;

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
    bootstrap.addCommand(new GradeCommand());
    bootstrap.addCommand(new EvaluateCommand());
    bootstrap.addCommand(new BacktestCommand());
    bootstrap.addCommand(new CreateKeyCommand());
    bootstrap.addCommand(new ListKeysCommand());
    bootstrap.addCommand(new RevokeKeyCommand());
  }

  /**
   * Bindings that replace the defaults: none here. A subclass may replace one, such as the
   * {@code QuoteSource} (the tests put one there that they can make fail).
   */
  protected Module overrides() {
    return Modules.EMPTY_MODULE;
  }

  /** The process's injector, once {@link #run} has made it; for tests. */
  Injector injector() {
    return injector;
  }

  /**
   * What this process schedules: grading, the indices and the purge of expired idempotency
   * keys, each unless disabled.
   */
  private static Scheduling.Settings schedulingSettings(
      BallastConfiguration config, DataSource dataSource) {
    return new Scheduling.Settings(
        config.getGrading().isEnabled()
            ? Optional.of(config.getGrading().getSchedule()) : Optional.empty(),
        config.getIndices().isEnabled()
            ? Optional.of(config.getIndices().getCheckSchedule()) : Optional.empty(),
        config.getIdempotency().isPurgeEnabled()
            ? Optional.of(config.getIdempotency().getPurgeSchedule()) : Optional.empty(),
        Scheduling.clusterable(dataSource));
  }

  private static void validateCron(String field, String cron) {
    if (!CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException(field + " is not a valid Quartz cron expression"
          + " (seconds minutes hours day-of-month month day-of-week), was \"" + cron + "\"");
    }
  }

  /** Dropwizard's default {@code server.maxThreads}, which means "not set" here. */
  static final int DROPWIZARD_MAX_THREADS = 1024;

  /**
   * Request threads: 8 per core, at least 16, unless {@code server.maxThreads} is set (to other
   * than Dropwizard's 1,024). Requests here are short and CPU-bound or wait on a pooled JDBC
   * connection; a thousand runnable threads on a few cores only lengthen the queue: on 2 cores
   * the mixed workload served 2,000 req/s with p99 170 ms at 1,024 threads, 3,500 with p99 53 ms
   * at 16 (bench/mixed.sh).
   */
  static void sizeThreadPool(AbstractServerFactory server) {
    if (server.getMaxThreads() == DROPWIZARD_MAX_THREADS) {
      server.setMaxThreads(Math.max(server.getMinThreads(),
          Math.max(16, 8 * Runtime.getRuntime().availableProcessors())));
    }
  }

  @Override
  public void run(BallastConfiguration config, Environment environment) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      // Ours answer every error with a problem body; Dropwizard's would answer some with theirs.
      server.setRegisterDefaultExceptionMappers(false);
      sizeThreadPool(server);
    }
    Clock clock = Clock.systemUTC();
    ManagedDataSource dataSource =
        config.getDataSourceFactory().build(environment.metrics(), "database");
    Database.migrate(dataSource);
    Jdbi jdbi = Database.configure(new JdbiFactory()
        .build(environment, config.getDataSourceFactory(), dataSource, "database"));

    Ratings.settings(config.getGrading()); // a bad weight fails the start, not a later run
    validateCron("grading.schedule", config.getGrading().getSchedule());
    validateCron("indices.checkSchedule", config.getIndices().getCheckSchedule());
    validateCron("idempotency.purgeSchedule", config.getIdempotency().getPurgeSchedule());
    Indices.engineSettings(config.getIndices()); // bad stablecoin fractions fail the start
    Injector injector = Guice.createInjector(Modules.override(new BallastModule(jdbi, clock,
        config.getGrading(), config.getIndices(), schedulingSettings(config, dataSource),
        dataSource), ApiFeatures.module(config)).with(overrides()));
    this.injector = injector;
    injector.getInstance(IndexService.class).installBuiltIns();

    Scheduling scheduling = injector.getInstance(Scheduling.class);
    environment.lifecycle().manage(scheduling);
    // Once market data is in: grade, then let the indices catch up.
    Runnable gradeNewDays = () -> {
      scheduling.runNow(Scheduling.GRADING);
      scheduling.runNow(Scheduling.INDEX_CHECK);
    };
    BooleanSupplier loading = () -> false;
    if (config.getMarket().isSimulated()) {
      SimulatedMarketLoader loader = new SimulatedMarketLoader(
          injector.getInstance(MarketStore.class), config.getMarket().getSeed(), gradeNewDays);
      environment.lifecycle().manage(loader);
      environment.jersey().register(new LoadingFilter(loader));
      loading = loader::isLoading;
    } else {
      environment.lifecycle().addServerLifecycleListener(server -> gradeNewDays.run());
    }
    environment.healthChecks().register("market-data", new MarketDataHealthCheck(jdbi, loading));
    environment.healthChecks().register("grades",
        new GradesHealthCheck(injector.getInstance(RatingService.class)));

    ProblemMappers.all().forEach(environment.jersey()::register);
    environment.lifecycle().addServerLifecycleListener(
        server -> server.setErrorHandler(new ProblemErrorHandler()));
    environment.jersey().register(new CsvPageWriter());
    environment.jersey().register(new PageJsonWriter(environment.getObjectMapper()));
    for (Class<?> resource : List.of(AssetResource.class, RatingResource.class,
        SignalResource.class, StablecoinResource.class, EvaluationResource.class,
        IndexResource.class, MarketResource.class, BacktestResource.class)) {
      environment.jersey().register(injector.getInstance(resource));
    }
    ApiFeatures.register(config, environment, injector, loading);
  }
}
