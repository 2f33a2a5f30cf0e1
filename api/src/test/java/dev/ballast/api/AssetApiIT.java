package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The assets API on a real server over the simulated market in an H2 file database. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AssetApiIT {

  static final DropwizardAppExtension<BallastConfiguration> APP = new DropwizardAppExtension<>(
      BallastApplication.class, ApiTestSupport.config(TestDatabase.h2(), true),
      ConfigOverride.config("grading.enabled", "false"),
      ConfigOverride.config("indices.enabled", "false"));

  @BeforeAll
  static void waitForTheSimulatedMarket() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int status;
    while (true) {
      // Close each response: an unread one keeps its pooled connection, and the pool is small.
      try (Response response = request("/v1/assets")) {
        status = response.getStatus();
        if (status != 503 || System.nanoTime() > deadline) {
          break;
        }
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
      }
      Thread.sleep(200);
    }
    assertThat(status).isEqualTo(200);
  }

  private static JsonNode get(String path) {
    Response response = request(path);
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.readEntity(JsonNode.class);
  }

  private static Response request(String path) {
    return APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + path).request().get();
  }

  @Test
  void listsTheSimulatedMarketWithEveryCollateralType() {
    JsonNode assets = get("/v1/assets").get("assets");
    assertThat(assets.size()).isGreaterThanOrEqualTo(56);

    JsonNode stablecoins = get("/v1/assets?kind=stablecoin").get("assets");
    Set<String> collateral = new HashSet<>();
    stablecoins.forEach(a -> {
      assertThat(a.get("kind").asText()).isEqualTo("stablecoin");
      collateral.add(a.get("stablecoin").get("collateral").asText());
    });
    assertThat(collateral).containsExactlyInAnyOrder(
        "fiat-backed", "crypto-backed", "algorithmic", "commodity-backed");
    assertThat(get("/v1/assets?kind=COIN").get("assets").size() + stablecoins.size())
        .isEqualTo(assets.size());
  }

  @Test
  void showsOneAssetAndItsBarsInARange() {
    JsonNode first = get("/v1/assets?kind=coin").get("assets").get(0);
    String symbol = first.get("symbol").asText();
    JsonNode asset = get("/v1/assets/" + symbol.toLowerCase());
    assertThat(asset.get("symbol").asText()).isEqualTo(symbol);
    assertThat(asset.get("bars").asLong()).isGreaterThan(365);

    LocalDate last = LocalDate.parse(asset.get("lastDate").asText());
    LocalDate from = last.minusDays(9);
    JsonNode bars = get("/v1/assets/" + symbol + "/bars?from=" + from + "&to=" + last)
        .get("bars");
    assertThat(bars.size()).isEqualTo(10);
    assertThat(bars.get(0).get("date").asText()).isEqualTo(from.toString());
    JsonNode bar = bars.get(9);
    assertThat(bar.get("close").asDouble()).isPositive();
    assertThat(bar.get("high").asDouble()).isGreaterThanOrEqualTo(bar.get("low").asDouble());
    assertThat(bar.get("marketCap").asDouble()).isPositive();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /v1/assets/NOSUCHCOIN                      | 404 | symbol
      /v1/assets/NOSUCHCOIN/bars                 | 404 | symbol
      /v1/assets/%24%24%24                       | 400 | symbol
      /v1/assets?kind=shitcoin                   | 400 | kind
      /v1/assets/{coin}/bars?from=2024-13-01     | 400 | from
      /v1/assets/{coin}/bars?to=yesterday        | 400 | to
      /v1/assets/{coin}/bars?from=2024-02-01&to=2024-01-01 | 400 | from
      """)
  void badRequestsGetAProblemNamingTheField(String path, int status, String field) {
    String coin = get("/v1/assets?kind=coin").get("assets").get(0).get("symbol").asText();
    Response response = request(path.replace("{coin}", coin));

    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    JsonNode problem = response.readEntity(JsonNode.class);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("type").asText()).startsWith("/problems/");
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("field").asText()).isEqualTo(field);
  }

  @Test
  void unknownPathsAndMethodsGetProblemsToo() {
    try (Response missing = request("/v1/nothing-here")) {
      assertThat(missing.getStatus()).isEqualTo(404);
      assertThat(missing.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    Response post = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/v1/assets")
        .request().post(Entity.json("{}"));
    assertThat(post.getStatus()).isEqualTo(405);
    assertThat(post.readEntity(JsonNode.class).get("status").asInt()).isEqualTo(405);
  }

  @Test
  void malformedRequestsJettyRejectsGetProblemsToo() throws Exception {
    for (String path : List.of("/v1/assets/%", "/v1/assets/BTC%00", "/v1/assets/%2e%2e/x")) {
      try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String answer = new String(socket.getInputStream().readAllBytes(),
            StandardCharsets.UTF_8);
        assertThat(answer).as(path).startsWith("HTTP/1.1 400")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains("\"status\":400").doesNotContain("<html");
      }
    }
  }

  @Test
  void healthChecksReportTheDatabaseAndTheMarketData() {
    Response response = APP.client()
        .target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck").request().get();
    JsonNode health = response.readEntity(JsonNode.class);
    // Grading is off in this test, so "grades" is unhealthy and the whole answer a 500.
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(health.get("grades").get("healthy").asBoolean()).isFalse();
    assertThat(health.get("grades").get("message").asText()).contains("no grades yet");
    assertThat(health.get("database").get("healthy").asBoolean()).isTrue();
    assertThat(health.get("market-data").get("healthy").asBoolean()).isTrue();
    assertThat(health.get("market-data").get("message").asText()).startsWith("simulated");
  }
}
