package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quotes, ping, the API documents and Prometheus metrics on a real server over the simulated
 * market in an H2 file database.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuoteApiIT {

  static final DropwizardAppExtension<BallastConfiguration> APP = new DropwizardAppExtension<>(
      BallastApplication.class, ApiTestSupport.config(TestDatabase.h2(), true),
      ConfigOverride.config("grading.enabled", "false"),
      // Bursts of test requests from one address must not meet the anonymous limit here.
      ConfigOverride.config("auth.rateLimits.enabled", "false"));

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static List<String> coins;

  @BeforeAll
  static void waitForTheSimulatedMarket() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      HttpResponse<String> ping = get("/v1/ping");
      assertThat(ping.statusCode()).as("ping answers while the market loads").isEqualTo(200);
      HttpResponse<String> assets = get("/v1/assets?kind=coin");
      if (assets.statusCode() == 200) {
        JsonNode list = APP.getObjectMapper().readTree(assets.body()).get("assets");
        coins = new ArrayList<>();
        list.forEach(a -> coins.add(a.get("symbol").asText()));
        return;
      }
      assertThat(System.nanoTime()).as("market loaded in time").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + APP.getLocalPort() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return APP.getObjectMapper().readTree(response.body());
  }

  @Test
  void pingIsConstant() throws Exception {
    HttpResponse<String> ping = get("/v1/ping");
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(ping.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
  }

  @Test
  void quotesTheLatestDailyCloseWithItsSourceTimeAndAge() throws Exception {
    String coin = coins.get(0);
    HttpResponse<String> response = get("/v1/quotes/" + coin.toLowerCase());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode quote = json(response);
    JsonNode asset = json(get("/v1/assets/" + coin));
    LocalDate last = LocalDate.parse(asset.get("lastDate").asText());
    JsonNode bar = json(get("/v1/assets/" + coin + "/bars?from=" + last + "&to=" + last))
        .get("bars").get(0);

    assertThat(quote.get("symbol").asText()).isEqualTo(coin);
    assertThat(quote.get("price").asDouble()).isEqualTo(bar.get("close").asDouble());
    assertThat(quote.get("source").asText()).isEqualTo("daily-close");
    Instant time = Instant.parse(quote.get("time").asText());
    assertThat(time).isEqualTo(last.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    assertThat(quote.get("ageSeconds").asLong())
        .isCloseTo(Instant.now().getEpochSecond() - time.getEpochSecond(),
            org.assertj.core.data.Offset.offset(5L));
    assertThat(quote.get("stale").asBoolean()).isFalse();

    assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(
        etag -> assertThat(etag).matches("W/\"[0-9a-f]+\""));
    assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
        cc -> assertThat(cc).matches("max-age=\\d+"));
  }

  @Test
  void answers304WhenTheETagMatches() throws Exception {
    String path = "/v1/quotes/" + coins.get(1);
    String etag = get(path).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> same = get(path, "If-None-Match", etag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).contains(etag);
    assertThat(same.headers().firstValue("Cache-Control")).isPresent();
    assertThat(get(path, "If-None-Match", etag.substring(2)).statusCode())
        .as("compared weakly").isEqualTo(304);
    assertThat(get(path, "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
    assertThat(get(path, "If-None-Match", "*").statusCode()).isEqualTo(304);
    assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(get(path, "If-None-Match", "W/\"unterminated").statusCode()).isEqualTo(200);

    String many = "/v1/quotes?symbols=" + coins.get(0) + "," + coins.get(1);
    String listTag = get(many).headers().firstValue("ETag").orElseThrow();
    assertThat(listTag).isNotEqualTo(etag);
    assertThat(get(many, "If-None-Match", listTag).statusCode()).isEqualTo(304);
  }

  @Test
  void quotesSeveralInTheOrderAsked() throws Exception {
    String a = coins.get(2);
    String b = coins.get(0);
    JsonNode quotes = json(get("/v1/quotes?symbols=" + a + "," + b.toLowerCase() + ",%20" + a))
        .get("quotes");
    assertThat(quotes).hasSize(2);
    assertThat(quotes.get(0).get("symbol").asText()).isEqualTo(a);
    assertThat(quotes.get(1).get("symbol").asText()).isEqualTo(b);
    assertThat(quotes.get(1).get("price").decimalValue())
        .isEqualByComparingTo(json(get("/v1/quotes/" + b)).get("price").decimalValue());
  }

  @Test
  void concurrentRequestsForAnUncachedQuoteLoadItOnce() throws Exception {
    String coin = coins.get(coins.size() - 1);
    long loadsBefore = gauge("quotes.cache.loads");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        answers.add(pool.submit(() -> get("/v1/quotes/" + coin)));
      }
      Set<String> bodies = new HashSet<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        bodies.add(json(response).get("price").asText());
      }
      assertThat(bodies).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(gauge("quotes.cache.loads") - loadsBefore).isEqualTo(1);
  }

  private static long gauge(String name) {
    return ((Number) APP.getEnvironment().metrics().getGauges().get(name).getValue()).longValue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /v1/quotes/NOSUCHCOIN                         | 404 | symbol
      /v1/quotes/%24%24%24                          | 400 | symbol
      /v1/quotes/BTC'%20OR%20'1'='1                 | 400 | symbol
      /v1/quotes/%3Cscript%3Ealert(1)%3C                | 400 | symbol
      /v1/quotes/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | 400 | symbol
      /v1/quotes/{coin}?symbols=x                   | 400 | symbols
      /v1/quotes                                    | 400 | symbols
      /v1/quotes?symbols=                           | 400 | symbols
      /v1/quotes?symbols=%20                        | 400 | symbols
      /v1/quotes?symbols={coin},,{coin}             | 400 | symbols
      /v1/quotes?symbols={coin},NOSUCHCOIN          | 404 | symbols
      /v1/quotes?symbols={coin};DROP%20TABLE%20quotes | 400 | symbols
      /v1/quotes?symbols={coin}&symbol={coin}       | 400 | symbol
      /v1/quotes?symbols={many}                     | 400 | symbols
      /v1/quotes?symbols={long}                     | 400 | symbols
      """)
  void badRequestsGetAProblemNamingTheField(String path, int status, String field)
      throws Exception {
    String many = IntStream.range(0, 101).mapToObj(i -> "C" + i).collect(Collectors.joining(","));
    String resolved = path.replace("{coin}", coins.get(0)).replace("{many}", many)
        .replace("{long}", "A".repeat(5000));
    HttpResponse<String> response = get(resolved);
    assertThat(response.statusCode()).as(resolved).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("field").asText()).isEqualTo(field);
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  @Test
  void malformedHeadersAreNeverA500() throws Exception {
    String coin = coins.get(0);
    for (String header : List.of("If-None-Match: \u00ff\u00fe", "If-None-Match: " + "x".repeat(4000),
        "X-API-Key: \u00e9t\u00e9", "X-API-Key: ", "X-API-Key: bk_' OR 1=1 --")) {
      try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
        socket.getOutputStream().write(("GET /v1/quotes/" + coin + " HTTP/1.1\r\nHost: localhost\r\n"
            + header + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).as(header).matches("(?s)HTTP/1.1 [234]\\d\\d .*")
            .doesNotContain("<html");
      }
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
    HttpResponse<String> response = get("/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode api = json(response);
    assertThat(api.get("openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    api.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/v1/assets", "/v1/assets/{symbol}", "/v1/assets/{symbol}/bars",
        "/v1/ratings", "/v1/ratings/{symbol}", "/v1/signals", "/v1/stablecoins",
        "/v1/evaluation", "/v1/quotes", "/v1/quotes/{symbol}", "/v1/ping", "/v1/keys",
        "/v1/keys/{id}");
    assertThat(paths).noneMatch(p -> p.startsWith("/docs") || p.startsWith("/openapi"));
    assertThat(api.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-API-Key");
    assertThat(api.at("/paths/~1v1~1quotes/get/parameters/0/name").asText()).isEqualTo("symbols");
  }

  @Test
  void swaggerUiLoadsFromTheWebjar() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("/openapi.json").contains("swagger-ui-bundle.js");
    for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
        "swagger-ui.css")) {
      assertThat(page.body()).contains("/docs/" + file);
      HttpResponse<String> asset = get("/docs/" + file);
      assertThat(asset.statusCode()).as(file).isEqualTo(200);
      assertThat(asset.body().length()).as(file).isGreaterThan(10_000);
    }
    assertThat(get("/docs/index.html").statusCode()).isEqualTo(404);
    assertThat(get("/docs/..%2Fpom.properties").statusCode()).isIn(400, 404);
  }

  @Test
  void metricsInPrometheusFormatOnTheAdminPort() throws Exception {
    get("/v1/quotes/" + coins.get(0));
    get("/v1/quotes/" + coins.get(0));
    HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + APP.getAdminPort() + "/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body()).contains("# TYPE quotes_cache_hits gauge")
        .contains("quotes_cache_hitRate").contains("quotes_cache_loads")
        .contains("quotes_cache_evictions");
    assertThat(gauge("quotes.cache.hits")).isPositive();
  }

  @Test
  void unknownPathsStayProblems() throws Exception {
    try (InputStream ignored = InputStream.nullInputStream()) {
      HttpResponse<String> missing = get("/v1/quotes/BTC/extra");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
    Response post = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/v1/ping")
        .request().post(jakarta.ws.rs.client.Entity.json("{}"));
    assertThat(post.getStatus()).isEqualTo(405);
  }
}
