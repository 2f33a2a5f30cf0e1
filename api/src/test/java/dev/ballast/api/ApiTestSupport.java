package dev.ballast.api;

import dev.ballast.core.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the YAML configuration of a test server on a test database. */
public final class ApiTestSupport {

  private ApiTestSupport() {}

  /** A configuration on random ports, quiet logs, and the given database. */
  public static String config(TestDatabase db, boolean simulated) {
    return config(db, simulated, "");
  }

  /**
   * The same with more top-level YAML. Two servers in one test class must differ this way, not
   * by {@code ConfigOverride}: those are system properties, and each server's restores what the
   * other had set, so that one server's overrides leak into the next test class.
   */
  public static String config(TestDatabase db, boolean simulated, String moreYaml) {
    String yaml = String.join("\n",
        "server:",
        "  applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]",
        "  adminConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]",
        "  requestLog: {appenders: []}",
        "logging:",
        "  level: WARN",
        "database:",
        "  driverClass: " + (db.engine() == TestDatabase.Engine.H2
            ? "org.h2.Driver" : "org.postgresql.Driver"),
        "  url: '" + db.url() + "'",
        "  user: '" + db.user() + "'",
        "  password: '" + db.password() + "'",
        "market:",
        "  simulated: " + simulated,
        moreYaml);
    try {
      Path file = Files.createTempFile("ballast-test", ".yml");
      Files.writeString(file, yaml);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
