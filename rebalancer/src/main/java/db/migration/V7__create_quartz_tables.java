package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's tables for the clustered JDBC job store, on PostgreSQL only, from the script
 * the Quartz jar ships ({@code tables_postgres.sql}), so the schema always matches the Quartz
 * version on the class path. On H2 (one process by design) the scheduler keeps its jobs in memory
 * and nothing is created.
 *
 * <p>The script is applied without its comments, its {@code COMMIT} and its {@code DROP TABLE}
 * statements: Flyway runs it in its own transaction, and a migration must never drop data.
 */
public class V7__create_quartz_tables extends BaseJavaMigration {

  static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  @Override
  public void migrate(Context context) throws SQLException, IOException {
    Connection connection = context.getConnection();
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(script())) {
        statement.execute(sql);
      }
    }
  }

  static String script() throws IOException {
    try (InputStream in = V7__create_quartz_tables.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException(SCRIPT + " is not on the class path: is Quartz?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The script's statements, without comments, COMMIT and DROP TABLE. */
  static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String s : text.toString().split(";")) {
      String sql = s.strip();
      String upper = sql.toUpperCase();
      if (!sql.isEmpty() && !upper.equals("COMMIT") && !upper.startsWith("DROP TABLE")) {
        statements.add(sql);
      }
    }
    return statements;
  }
}
