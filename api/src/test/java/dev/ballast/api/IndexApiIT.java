package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The indices on a real server: the built-ins are installed, the daily check starts them once the
 * simulated market is in, and their definitions, holdings, performance, rebalances and the market
 * regime are served; definitions are created, replaced and deleted; bad input is a 4xx problem.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IndexApiIT {

  static final DropwizardAppExtension<BallastConfiguration> APP = new DropwizardAppExtension<>(
      BallastApplication.class, ApiTestSupport.config(TestDatabase.h2(), true),
      ConfigOverride.config("grading.enabled", "false"));

  @BeforeAll
  static void waitForTheFirstRebalances() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      try (Response r = request("/v1/indices")) {
        if (r.getStatus() == 200) {
          JsonNode items = r.readEntity(JsonNode.class).get("items");
          boolean all = items.size() >= 3;
          for (JsonNode i : items) {
            all &= i.hasNonNull("lastRebalance");
          }
          if (all) {
            return;
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the daily index check did not start the built-in indices in time");
  }

  private static Response request(String path) {
    // Evaluations and backtests are CPU-bound: give a loaded build machine time.
    return APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + path)
        .property(ClientProperties.READ_TIMEOUT, 60_000).request().get();
  }

  private static JsonNode get(String path) {
    try (Response response = request(path)) {
      assertThat(response.getStatus()).as(path).isEqualTo(200);
      return response.readEntity(JsonNode.class);
    }
  }

  private static Response send(String method, String path, String body, String type) {
    var builder = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + path)
        .property(ClientProperties.READ_TIMEOUT, 60_000).request();
    return body == null ? builder.method(method) : builder.method(method, Entity.entity(body, type));
  }

  @Test
  void listsTheBuiltInIndicesWithTheirCalendarsAndOverlay() {
    JsonNode items = get("/v1/indices").get("items");
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).contains("top10-mcap", "top20-grade", "top10-mcap-no-overlay");
    for (JsonNode i : items) {
      if (i.get("id").asText().startsWith("top")) {
        assertThat(i.get("builtIn").asBoolean()).isTrue();
        assertThat(i.get("rebalanceCron").asText()).isEqualTo("0 0 0 ? * MON");
        assertThat(i.get("regimeOverlay").asBoolean())
            .isEqualTo(!i.get("id").asText().endsWith("no-overlay"));
        assertThat(i.get("nextRebalance").asText()).endsWith("T00:00:00Z");
      }
    }
    JsonNode detail = get("/v1/indices/top10-mcap");
    assertThat(detail.get("definition").get("caps").get("largestCap").asDouble()).isEqualTo(0.3);
  }

  @Test
  void holdingsAddUpToTheIndexValueOnAnyDayAfterItsFirstRebalance() {
    JsonNode latest = get("/v1/indices/top10-mcap/holdings");
    double sum = latest.get("cashWeight").asDouble();
    double value = latest.get("cash").asDouble();
    for (JsonNode p : latest.get("positions")) {
      sum += p.get("weight").asDouble();
      value += p.get("value").asDouble();
      assertThat(p.get("quantity").asDouble()).isPositive();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-9));
    assertThat(value).isCloseTo(latest.get("value").asDouble(), within(1e-6));

    try (Response before = request("/v1/indices/top10-mcap/holdings?date=2019-01-01")) {
      assertThat(before.getStatus()).isEqualTo(404);
      assertThat(before.readEntity(JsonNode.class).get("field").asText()).isEqualTo("date");
    }
  }

  @Test
  void performanceValuesTheHoldingsEveryDay() {
    JsonNode rebalance = get("/v1/indices/top10-mcap-no-overlay/rebalances?limit=1")
        .get("items").get(0);
    LocalDate day = LocalDate.parse(rebalance.get("date").asText());
    JsonNode perf = get("/v1/indices/top10-mcap-no-overlay/performance?from=" + day.minusDays(30));
    JsonNode values = perf.get("values");
    assertThat(values.get(0).get("date").asText()).isEqualTo(perf.get("from").asText());
    assertThat(values.get(values.size() - 1).get("value").asDouble())
        .isCloseTo(rebalance.get("valueAfter").asDouble(), within(1e-3));
    assertThat(perf.get("maxDrawdown").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void manualRebalancesAreStoredAndPagedNewestFirst() {
    for (int i = 0; i < 3; i++) {
      try (Response r = send("POST", "/v1/indices/top20-grade/rebalance?reason=test" + i, "",
          "text/plain")) {
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode body = r.readEntity(JsonNode.class);
        assertThat(body.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(body.get("reason").asText()).startsWith("manual: test" + i);
        assertThat(body.get("evidence").get("regime").asText())
            .isEqualTo(body.get("regime").asText());
      }
    }
    Set<Long> ids = new HashSet<>();
    List<Long> order = new ArrayList<>();
    String next = null;
    do {
      JsonNode page = get("/v1/indices/top20-grade/rebalances?limit=2"
          + (next == null ? "" : "&cursor=" + next));
      page.get("items").forEach(r -> order.add(r.get("id").asLong()));
      next = page.hasNonNull("next") ? page.get("next").asText() : null;
    } while (next != null);
    ids.addAll(order);
    assertThat(ids).hasSize(order.size()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(order).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void definitionsAreCreatedReplacedAndDeleted() {
    String yaml = String.join("\n",
        "id: top5-equal",
        "name: Top 5 equal weight",
        "universe: {minMarketCapUsd: 10000000, memberMinMarketCapUsd: 8000000,",
        "  minMedianDailyVolumeUsd: 100000, memberMinMedianDailyVolumeUsd: 80000,",
        "  volumeWindowDays: 30, minHistoryDays: 90}",
        "selection: {method: TOP_MARKET_CAP, count: 5}",
        "weighting: {method: EQUAL}",
        "caps: {largestCap: 0.3, otherCap: 0.3}",
        "rebalanceCron: '0 0 0 1 * ?'",
        "driftBand: 0.01",
        "minTradeUsd: 10",
        "feeBps: 10",
        "regimeOverlay: false",
        "");
    try (Response created = send("POST", "/v1/indices", yaml, "application/yaml")) {
      assertThat(created.getStatus()).isEqualTo(201);
      assertThat(created.getHeaderString("Location")).endsWith("/v1/indices/top5-equal");
    }
    try (Response twice = send("POST", "/v1/indices", yaml, "application/yaml")) {
      assertThat(twice.getStatus()).isEqualTo(409);
    }
    try (Response replaced = send("PUT", "/v1/indices/top5-equal",
        yaml.replace("count: 5", "count: 4"), "application/yaml")) {
      assertThat(replaced.getStatus()).isEqualTo(200);
      JsonNode body = replaced.readEntity(JsonNode.class);
      assertThat(body.get("definition").get("selection").get("count").asInt()).isEqualTo(4);
      assertThat(body.get("index").get("builtIn").asBoolean()).isFalse();
    }
    try (Response deleted = send("DELETE", "/v1/indices/top5-equal", null, null)) {
      assertThat(deleted.getStatus()).isEqualTo(204);
    }
    try (Response gone = request("/v1/indices/top5-equal")) {
      assertThat(gone.getStatus()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "POST | /v1/indices | id: x\\nname: y | 400 | driftBand",
    "POST | /v1/indices | {\"id\": \"top10-mcap\"} | 400 | driftBand",
    "POST | /v1/indices | [1, 2 | 400 | definition",
    "PUT | /v1/indices/top20-grade | '' | 400 | definition",
    "GET | /v1/indices/NOT_AN_ID | | 404 | id",
    "GET | /v1/indices/nope | | 404 | id",
    "GET | /v1/indices/top10-mcap?sort=x | | 400 | sort",
    "GET | /v1/indices/top10-mcap/holdings?date=yesterday | | 400 | date",
    "GET | /v1/indices/top10-mcap/holdings?date=2999-01-01 | | 400 | date",
    "GET | /v1/indices/top10-mcap/performance?from=2024-02-01&to=2024-01-01 | | 400 | from",
    "GET | /v1/indices/top10-mcap/rebalances?limit=0 | | 400 | limit",
    "GET | /v1/indices/top10-mcap/rebalances?cursor=abc | | 400 | cursor",
    "GET | /v1/market/regime?date=2019-02-30 | | 400 | date",
    "POST | /v1/indices/nope/rebalance | '' | 404 | id",
  })
  void badInputIsAProblemNamingTheField(
      String method, String path, String body, int status, String field) {
    String text = body == null ? null : body.replace("\\n", "\n");
    try (Response r = send(method, path, text == null && method.equals("GET") ? null
        : (text == null ? "" : text), "application/yaml")) {
      assertThat(r.getStatus()).as(method + " " + path).isEqualTo(status);
      assertThat(r.getMediaType().toString()).startsWith("application/problem+json");
      assertThat(r.readEntity(JsonNode.class).get("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void backtestsAStoredIndexOrAnInlineDefinition() {
    String request = "{\"index\": \"top10-mcap\", \"from\": \"2022-01-01\","
        + " \"to\": \"2022-12-31\", \"initialCapital\": 50000}";
    JsonNode result;
    try (Response r = send("POST", "/v1/backtests", request, "application/json")) {
      assertThat(r.getStatus()).isEqualTo(200);
      result = r.readEntity(JsonNode.class);
    }
    List<String> names = new ArrayList<>();
    result.get("metrics").forEach(m -> names.add(m.get("name").asText()));
    // The simulated market has no BTC: that benchmark is left out, with a warning.
    assertThat(names).containsExactly("top10-mcap", "top10-mcap-no-overlay");
    assertThat(result.get("warnings").toString()).contains("no BTC");
    assertThat(result.get("from").asText()).isEqualTo("2022-01-01");
    assertThat(result.get("rebalances").get(0).get("weights").size()).isPositive();
    assertThat(result.get("equity").size()).isEqualTo(365);

    JsonNode definition = get("/v1/indices/top10-mcap-no-overlay").get("definition");
    String inline = "{\"definition\": " + definition + ", \"from\": \"2022-01-01\","
        + " \"to\": \"2022-12-31\", \"initialCapital\": 50000}";
    try (Response r = send("POST", "/v1/backtests", inline, "application/json")) {
      assertThat(r.getStatus()).isEqualTo(200);
      JsonNode plain = r.readEntity(JsonNode.class);
      // The inline definition is the benchmark the first run computed: the same numbers.
      assertThat(plain.get("metrics").get(0).get("cagr").asDouble())
          .isEqualTo(result.get("metrics").get(1).get("cagr").asDouble());
    }
    try (Response html = APP.client().target("http://127.0.0.1:" + APP.getLocalPort()
        + "/v1/backtests").property(ClientProperties.READ_TIMEOUT, 60_000).request("text/html")
        .post(Entity.json(request))) {
      assertThat(html.getStatus()).isEqualTo(200);
      assertThat(html.readEntity(String.class)).contains("<svg");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'' | body",
    "[1] | body",
    "{\"index\": \"top10-mcap\", \"foo\": 1} | foo",
    "{\"from\": \"2022-01-01\"} | index",
    "{\"index\": \"nope\"} | index",
    "{\"index\": 7} | index",
    "{\"index\": \"top10-mcap\", \"from\": \"2022-02-30\"} | from",
    "{\"index\": \"top10-mcap\", \"from\": \"2023-01-01\", \"to\": \"2022-01-01\"} | from",
    "{\"index\": \"top10-mcap\", \"from\": \"1990-01-01\", \"to\": \"1990-02-01\"} | from",
    "{\"index\": \"top10-mcap\", \"initialCapital\": -5} | initialCapital",
    "{\"index\": \"top10-mcap\", \"benchmarks\": \"yes\"} | benchmarks",
    "{\"definition\": {\"id\": \"x\"}} | definition.driftBand",
  })
  void badBacktestRequestsAreProblemsNamingTheField(String body, String field) {
    try (Response r = send("POST", "/v1/backtests", body, "application/json")) {
      assertThat(r.getStatus()).as(body).isEqualTo(400);
      assertThat(r.readEntity(JsonNode.class).get("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void theMarketRegimeComesWithItsEvidence() {
    JsonNode regime = get("/v1/market/regime");
    assertThat(regime.get("regime").asText()).isIn("RISK_ON", "NEUTRAL", "RISK_OFF");
    assertThat(regime.get("score").asInt()).isEqualTo(regime.get("volatilityVote").asInt()
        + regime.get("trendVote").asInt() + regime.get("breadthVote").asInt());
    JsonNode early = get("/v1/market/regime?date=2019-01-10");
    assertThat(early.get("date").asText()).isEqualTo("2019-01-10");
    assertThat(early.get("notes")).isNotEmpty();
  }
}
