package dev.ballast.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.store.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two Ballast processes on one PostgreSQL share Quartz's clustered JDBC job store: an index whose
 * calendar fires every two seconds is rebalanced once per slot in all, never twice, though both
 * schedulers know the trigger and either may fire it.
 */
class ClusterIT {

  private static final Path JAR = Path.of("target", "ballast.jar").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<Process> SERVERS = new ArrayList<>();

  private record Server(Process process, int port, Path log) {}

  @AfterAll
  static void stopServers() throws InterruptedException {
    for (Process p : SERVERS) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void twoProcessesRebalanceEachSlotOnceBetweenThem() throws Exception {
    TestDatabase db = TestDatabase.postgres();
    Path dir = Files.createTempDirectory("ballast-cluster");
    Server first = start(dir, "a", db);
    awaitMarket(first);
    Server second = start(dir, "b", db);
    awaitMarket(second);

    String definition = String.join("\n",
        "id: every-2s",
        "name: Every two seconds",
        "universe: {minMarketCapUsd: 10000000, memberMinMarketCapUsd: 8000000,",
        "  minMedianDailyVolumeUsd: 100000, memberMinMedianDailyVolumeUsd: 80000,",
        "  volumeWindowDays: 30, minHistoryDays: 90}",
        "selection: {method: TOP_MARKET_CAP, count: 5}",
        "weighting: {method: EQUAL}",
        "caps: {largestCap: 0.3, otherCap: 0.3}",
        "rebalanceCron: '0/2 * * * * ?'",
        "driftBand: 0.0",
        "minTradeUsd: 1",
        "feeBps: 10",
        "regimeOverlay: true",
        "");
    Instant creating = Instant.now();
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + first.port() + "/v1/indices"))
        .header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(definition)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    Thread.sleep(20_000);

    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM qrtz_scheduler_state"))
          .as("both processes are checked in to the cluster").isEqualTo(2);
      List<Instant> slots = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT slot, COUNT(*) FROM rebalances"
          + " WHERE index_id = 'every-2s' AND trigger_kind = 'SCHEDULED'"
          + " GROUP BY slot ORDER BY slot")) {
        while (rs.next()) {
          assertThat(rs.getInt(2)).as("rebalances of slot %s", rs.getString(1)).isEqualTo(1);
          slots.add(rs.getTimestamp(1).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC));
        }
      }
      // About ten slots passed; allow for the first rebalance's market grading and a slow box.
      assertThat(slots).as("slots rebalanced in 20 s (logs: %s)", logs(first, second))
          .hasSizeGreaterThanOrEqualTo(4);
      assertThat(slots).allSatisfy(t -> assertThat(t.getEpochSecond() % 2).isZero());
      // A new index may start with the latest slot before it existed (the daily check's
      // catch-up), but older slots are never replayed.
      assertThat(slots.stream().filter(t -> t.isBefore(creating.minusSeconds(2))).count())
          .isLessThanOrEqualTo(1);
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Server start(Path dir, String name, TestDatabase db) throws IOException {
    int port = freePort();
    int adminPort = freePort();
    Path config = dir.resolve(name + ".yml");
    Files.writeString(config, String.join("\n",
        "server:",
        "  applicationConnectors: [{type: http, port: " + port + ", bindHost: 127.0.0.1}]",
        "  adminConnectors: [{type: http, port: " + adminPort + ", bindHost: 127.0.0.1}]",
        "database:",
        "  driverClass: org.postgresql.Driver",
        "  url: '" + db.url() + "'",
        "  user: '" + db.user() + "'",
        "  password: '" + db.password() + "'",
        "market: {simulated: true}",
        "grading: {enabled: false}",
        ""));
    Path log = dir.resolve(name + ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xmx768m", "-jar", JAR.toString(),
        "server", config.toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    SERVERS.add(process);
    return new Server(process, port, log);
  }

  private static void awaitMarket(Server server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      assertThat(server.process().isAlive()).as("server died: %s", logs(server)).isTrue();
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/assets")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("server did not serve the market in time: " + logs(server));
  }

  private static String logs(Server... servers) {
    StringBuilder out = new StringBuilder();
    for (Server s : servers) {
      try {
        List<String> lines = Files.readAllLines(s.log());
        out.append("\n--- ").append(s.log()).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                lines.size())));
      } catch (IOException e) {
        out.append(e);
      }
    }
    return out.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
