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
        "");
    try {
      Path file = Files.createTempFile("ballast-test", ".yml");
      Files.writeString(file, yaml);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
