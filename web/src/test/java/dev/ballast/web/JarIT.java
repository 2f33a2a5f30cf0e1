package dev.ballast.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The runnable jar as a newcomer uses it: {@code java -jar ballast.jar server} with no
 * configuration in an empty folder, then {@code import} from a second process on the same H2
 * database while the server runs. Runs after {@code package}, against {@code
 * target/ballast.jar}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JarIT {

  private static final Path JAR = Path.of("target", "ballast.jar").toAbsolutePath();
  private static final Path DATA = Path.of(System.getProperty("ballast.shared.data", "../../shared/data"))
      .resolve("coingecko").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Path workDir;
  private static Process server;
  private static int port;
  private static int adminPort;
  private static long startupMillis;

  @BeforeAll
  static void startServer() throws Exception {
    assertThat(JAR).exists();
    assertThat(DATA).as("shared market data").isDirectory();
    workDir = Files.createTempDirectory("ballast-jar");
    port = freePort();
    adminPort = freePort();
    long started = System.nanoTime();
    server = new ProcessBuilder(java(
        "-Ddw.server.applicationConnectors[0].port=" + port,
        "-Ddw.server.adminConnectors[0].port=" + adminPort,
        "-jar", JAR.toString(), "server"))
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("server.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    long firstAnswer = 0;
    while (true) {
      assertThat(server.isAlive()).as("server died: %s", log()).isTrue();
      try {
        int status = get("/v1/assets").statusCode();
        if (firstAnswer == 0) {
          firstAnswer = (System.nanoTime() - started) / 1_000_000;
          assertThat(status).as("answers while loading").isIn(200, 503);
        }
        if (status == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      assertThat(System.nanoTime()).as("server start timed out: %s", log()).isLessThan(deadline);
      Thread.sleep(100);
    }
    startupMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("ballast.jar: first answer after " + firstAnswer
        + " ms, simulated market served after " + startupMillis + " ms");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
    }
  }

  @Test
  @Order(1)
  void startsOnTheEmbeddedDefaultWithTheSimulatedMarket() throws Exception {
    assertThat(workDir.resolve("data")).as("the H2 database lives under ./data").isDirectory();
    HttpResponse<String> assets = get("/v1/assets?kind=stablecoin");
    assertThat(assets.body()).contains("\"algorithmic\"").contains("\"fiat-backed\"");
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + adminPort + "/healthcheck")).build(),
        HttpResponse.BodyHandlers.ofString());
    // "grades" may still be catching up on a first start; the data itself must be healthy.
    assertThat(health.body()).contains("\"database\":{\"healthy\":true")
        .contains("\"market-data\":{\"healthy\":true");
  }

  @Test
  @Order(2)
  void refusesToMixRealDataIntoTheSimulatedMarket() throws Exception {
    Result result = run("import", DATA.resolve("btc-usd-max.csv").toString());
    assertThat(result.exit()).isNotZero();
    assertThat(result.stderr()).contains("simulated market").contains("--replace");
    assertThat(result.stderr()).doesNotContain("\tat ");
    assertThat(get("/v1/assets/BTC").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void importsEveryFileWhileTheServerRuns() throws Exception {
    Result result = run("import", "--replace", DATA.toString());
    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("Imported 40 files");
    assertThat(result.stderr()).contains("[40/40]");

    HttpResponse<String> btc = get("/v1/assets/BTC");
    assertThat(btc.statusCode()).isEqualTo(200);
    assertThat(btc.body()).contains("\"firstDate\":\"2013-04-27\"");
    // The snapshot of 2024-03-02 00:00 UTC is the close of 2024-03-01.
    String line = Files.readAllLines(DATA.resolve("btc-usd-max.csv")).stream()
        .filter(l -> l.startsWith("2024-03-02 00:00:00 UTC")).findFirst().orElseThrow();
    double price = Double.parseDouble(line.split(",")[1]);
    HttpResponse<String> bars = get("/v1/assets/BTC/bars?from=2024-03-01&to=2024-03-01");
    assertThat(bars.body()).contains("\"date\":\"2024-03-01\"").contains("\"close\":" + price);
    assertThat(get("/v1/assets").body()).as("the simulated market was replaced")
        .doesNotContain("(simulated)").contains("\"symbol\":\"USDC\"");
  }

  @Test
  @Order(4)
  void reimportingChangesNothing() throws Exception {
    Result result = run("import", DATA.toString());
    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains(" 0 days new, 0 changed,");
  }

  @Test
  @Order(5)
  void gradesAndEvaluatesFromTheCommandLineWhileTheServerRuns() throws Exception {
    Result grade = run("grade", "--from", "2026-01-01");
    assertThat(grade.exit()).as(grade.stderr()).isZero();
    assertThat(grade.stdout()).contains("Graded 2026-01-01 to 2026-02-17");
    assertThat(grade.stderr()).contains("graded through 2026-02-17");
    assertThat(get("/v1/ratings/BTC?from=2026-02-17").body()).contains("\"traderGrade\":");

    Result evaluate = run("evaluate", "--from", "2020-01-01");
    assertThat(evaluate.exit()).as(evaluate.stderr()).isZero();
    assertThat(evaluate.stdout()).contains("trader").contains("investor").contains("spearman");
  }

  @Test
  @Order(5)
  void backtestsABuiltInIndexOnTheImportedHistory() throws Exception {
    Path json = workDir.resolve("bt.json");
    Path html = workDir.resolve("bt.html");
    Result bt = run("backtest", "--index", "top10-mcap", "--from", "2022-01-01", "--to",
        "2022-12-31", "--report", html.toString(), "--json", json.toString());
    assertThat(bt.exit()).as(bt.stderr()).isZero();
    assertThat(bt.stderr()).contains("100%");
    assertThat(bt.stdout()).contains("top10-mcap").contains("btc-buy-and-hold")
        .contains("top10-mcap-no-overlay").contains("survivorship");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg")
        .doesNotContain("<script src");
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertThat(result.get("metrics").get(0).get("name").asText()).isEqualTo("top10-mcap");
    for (String metric : List.of("cagr", "volatility", "sharpe", "sortino", "maxDrawdown",
        "calmar", "turnover", "feesPaid", "timeInStablecoins")) {
      assertThat(result.get("metrics").get(0).has(metric)).as(metric).isTrue();
    }
    JsonNode first = result.get("rebalances").get(0);
    assertThat(first.get("date").asText()).isEqualTo("2022-01-01");
    assertThat(first.get("trigger").asText()).isEqualTo("SCHEDULED");
    assertThat(first.get("regime").asText()).isIn("RISK_ON", "NEUTRAL", "RISK_OFF");
    assertThat(first.get("weights").size()).isPositive();

    Result unknown = run("backtest", "--index", "nope");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.stderr()).contains("error: --index: no index nope")
        .doesNotContain("\tat ");
    Result both = run("backtest", "--index", "top10-mcap", "--definition", "x.yml");
    assertThat(both.exit()).isNotZero();
    assertThat(both.stderr()).contains("either --index").doesNotContain("\tat ");
  }

  @Test
  @Order(6)
  void badCommandLinesGetAMessageAndANonZeroExit() throws Exception {
    Result missing = run("import", "/no/such/file.csv");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.stderr()).contains("/no/such/file.csv").doesNotContain("\tat ");

    Path junk = Files.writeString(workDir.resolve("junk.csv"), "what,is,this\n1,2,3\n");
    Result unknownFormat = run("import", junk.toString());
    assertThat(unknownFormat.exit()).isNotZero();
    assertThat(unknownFormat.stdout() + unknownFormat.stderr()).contains("junk.csv")
        .doesNotContain("\tat ");

    Result badDate = run("grade", "--from", "2024-13-01");
    assertThat(badDate.exit()).isNotZero();
    assertThat(badDate.stderr()).contains("--from must be a date").doesNotContain("\tat ");

    Path nowhere = Files.writeString(workDir.resolve("nowhere.yml"), "database: {driverClass:"
        + " org.postgresql.Driver, url: 'jdbc:postgresql://127.0.0.1:1/none', user: x}\n");
    Result noDatabase = run("list-keys", "-c", nowhere.toString());
    assertThat(noDatabase.exit()).isNotZero();
    assertThat(noDatabase.stderr()).contains("error: cannot use the database")
        .contains("127.0.0.1:1").doesNotContain("\tat ");
  }

  @Test
  @Order(6)
  void managesApiKeysFromTheCommandLineWhileTheServerRuns() throws Exception {
    Result created = run("create-key", "--role", "admin", "--name", "alice");
    assertThat(created.exit()).as(created.stderr()).isZero();
    String[] lines = created.stdout().strip().split("\n");
    String key = lines[lines.length - 1];
    assertThat(key).as("the key, alone on the last line").matches("bk_[A-Za-z0-9_-]{43}");

    HttpResponse<String> keys = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/v1/keys")).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(keys.statusCode()).as("the running server knows the new key").isEqualTo(200);
    assertThat(keys.body()).contains("\"alice\"").doesNotContain(key);
    assertThat(get("/v1/keys").statusCode()).isEqualTo(401);
    assertThat(get("/v1/ping").body()).isEqualTo("{\"status\":\"ok\"}");

    Result list = run("list-keys");
    assertThat(list.exit()).as(list.stderr()).isZero();
    assertThat(list.stdout()).contains("alice").contains("admin").contains("active")
        .doesNotContain(key).doesNotContain(key.substring(3));

    Result revoked = run("revoke-key", "--name", "alice");
    assertThat(revoked.exit()).as(revoked.stderr()).isZero();
    assertThat(revoked.stdout()).contains("Revoked 1 API key");
    assertThat(run("list-keys").stdout()).contains("revoked");

    Result badRole = run("create-key", "--role", "god", "--name", "x");
    assertThat(badRole.exit()).isNotZero();
    assertThat(badRole.stderr()).contains("role").doesNotContain("\tat ");
    Result badName = run("create-key", "--role", "owner", "--name", "x'; DROP TABLE api_keys;--");
    assertThat(badName.exit()).isNotZero();
    assertThat(badName.stderr()).contains("error: name must be").doesNotContain("\tat ");
    Result unknown = run("revoke-key", "--id", "9999");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.stderr()).contains("error: no API key with id 9999");
  }

  @Test
  @Order(7)
  void stopsGracefullyOnSigterm() throws Exception {
    server.destroy();
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s: %s", log())
        .isTrue();
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(java("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> java(String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Stream.concat(Stream.of(java.toString(), "-Xmx1g"), Stream.of(args)).toList();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String log() {
    try {
      return Files.readString(workDir.resolve("server.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
