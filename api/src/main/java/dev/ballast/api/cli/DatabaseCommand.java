package dev.ballast.api.cli;

import com.codahale.metrics.MetricRegistry;
import dev.ballast.api.BallastConfiguration;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.DatasetConflictException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ch.qos.logback.classic.Level;

/**
 * A command-line tool that works on the configured database (the embedded default without
 * {@code --config}), migrating it first. Bad input ends it with a one-line message and a
 * non-zero exit status, never a stack trace.
 */
public abstract class DatabaseCommand extends ConfiguredCommand<BallastConfiguration> {

  protected DatabaseCommand(String name, String description) {
    super(name, description);
  }

  /** The open database a command works on, and the configuration. */
  protected record Context(Jdbi jdbi, BallastConfiguration config) {}

  @Override
  public final void configure(Subparser subparser) {
    // Not super.configure(): a positional config file would swallow the first path argument.
    subparser.addArgument("-c", "--config").dest("file").metavar("FILE")
        .help("the YAML configuration (default: the embedded H2 database under ./data)");
    configureArguments(subparser);
  }

  protected abstract void configureArguments(Subparser subparser);

  protected abstract void run(
      Bootstrap<BallastConfiguration> bootstrap, Namespace namespace, Context context)
      throws Exception;

  @Override
  protected final void run(
      Bootstrap<BallastConfiguration> bootstrap, Namespace namespace, BallastConfiguration config)
      throws Exception {
    // A command's output is its report; the configured log level is for the server.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    // The pool logs a failed first connection with its stack trace; the command says it in a line.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.tomcat.jdbc.pool"))
        .setLevel(Level.OFF);
    ManagedDataSource dataSource =
        config.getDataSourceFactory().build(new MetricRegistry(), getName());
    try {
      migrate(dataSource, config);
      run(bootstrap, namespace, new Context(Database.jdbi(dataSource), config));
    } finally {
      dataSource.stop();
    }
  }

  /** Brings the schema up to date; a database that cannot be used is a message, not a trace. */
  private static void migrate(ManagedDataSource dataSource, BallastConfiguration config) {
    try {
      Database.migrate(dataSource);
    } catch (FlywayException e) {
      String reason = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
      throw new CommandFailure("cannot use the database " + config.getDataSourceFactory().getUrl()
          + ": " + reason);
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof CommandFailure || e instanceof IllegalArgumentException
        || e instanceof DatasetConflictException) {
      cli.getStdErr().println("error: " + e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }
}
