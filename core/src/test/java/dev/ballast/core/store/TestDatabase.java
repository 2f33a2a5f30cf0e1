package dev.ballast.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test, on H2 (a file, as in the embedded default) or on a real
 * PostgreSQL: the server named by the environment variable {@value #POSTGRES_URL_ENV} (a JDBC
 * URL with user and password as parameters), or else an embedded PostgreSQL that the tests
 * start once per JVM. Each PostgreSQL test database is a schema of its own.
 *
 * <p>If PostgreSQL can be had neither way the test fails: it never skips silently.
 */
public final class TestDatabase {

  public static final String POSTGRES_URL_ENV = "BALLAST_TEST_POSTGRES_URL";

  /** The engines every database test runs on. */
  public enum Engine {
    H2,
    POSTGRES
  }

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Engine engine;
  private final String url;
  private final String user;
  private final String password;
  private final DataSource dataSource;

  private TestDatabase(
      Engine engine, String url, String user, String password, DataSource dataSource) {
    this.engine = engine;
    this.url = url;
    this.user = user;
    this.password = password;
    this.dataSource = dataSource;
  }

  public static TestDatabase create(Engine engine) {
    return engine == Engine.H2 ? h2() : postgres();
  }

  /** A new H2 file database under the test's temporary folder. */
  public static TestDatabase h2() {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "h2");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = "jdbc:h2:file:" + dir.resolve("db" + ProcessHandle.current().pid() + "_"
        + COUNTER.incrementAndGet()).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    return new TestDatabase(Engine.H2, url, "sa", "", ds);
  }

  /** A new schema on the external or embedded PostgreSQL. */
  public static TestDatabase postgres() {
    String base = Postgres.baseUrl();
    String schema = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(base);
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema on " + base, e);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return new TestDatabase(Engine.POSTGRES, url, ds.getUser(), ds.getPassword(), ds);
  }

  public Engine engine() {
    return engine;
  }

  /** The JDBC URL, with user and password for PostgreSQL given as parameters too. */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password == null ? "" : password;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Migrates the schema and returns a configured Jdbi over it. */
  public Jdbi migrated() {
    Database.migrate(dataSource);
    return Database.jdbi(dataSource);
  }

  @Override
  public String toString() {
    return engine.toString();
  }

  /** The one PostgreSQL server of this JVM. */
  private static final class Postgres {
    private static String baseUrl;

    static synchronized String baseUrl() {
      if (baseUrl == null) {
        String external = System.getenv(POSTGRES_URL_ENV);
        baseUrl = external != null && !external.isBlank() ? external : startEmbedded();
      }
      return baseUrl;
    }

    private static String startEmbedded() {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "pg"))
                    .toFile())
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            pg.close();
          } catch (IOException ignored) {
            // the JVM is going away; the server's folder is under target/ and is cleaned later
          }
        }));
        return pg.getJdbcUrl("postgres", "postgres");
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("could not start an embedded PostgreSQL; set "
            + POSTGRES_URL_ENV + " to the JDBC URL of a server to test against instead", e);
      }
    }
  }
}
