package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.Role;
import dev.ballast.api.resources.FastPaths;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fast paths answer exactly as Jersey does: two servers on the same simulated market, one
 * with {@code quotes.fastPath} on and one with it off, are sent the same requests (ping and
 * quotes; with and without keys, bad keys, unknown symbols, {@code If-None-Match}, and on until
 * the rate limit refuses) and must give the same status, headers and body. The counter proves
 * which server took the fast path.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FastPathIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<Boolean, TestDatabase> DB = new HashMap<>();
  private static final Map<DropwizardAppExtension<BallastConfiguration>, String> KEYS =
      new HashMap<>();

  static final DropwizardAppExtension<BallastConfiguration> FAST = app(true);
  static final DropwizardAppExtension<BallastConfiguration> JERSEY = app(false);

  private static String symbol;


  private static DropwizardAppExtension<BallastConfiguration> app(boolean fastPath) {
    TestDatabase db = TestDatabase.h2();
    DropwizardAppExtension<BallastConfiguration> app = new DropwizardAppExtension<>(
        BallastApplication.class, ApiTestSupport.config(db, true, String.join("\n",
            "grading: {enabled: false}",
            "indices: {enabled: false}",
            "quotes: {fastPath: " + fastPath + "}",
            "auth: {publicMarketData: false, rateLimits: {anonymous: {perSecond: 1, burst: 30}}}",
            "")));
    DB.put(fastPath, db);
    return app;
  }

  @BeforeAll
  static void waitForTheMarketsAndMakeKeys() throws Exception {
    for (boolean fast : List.of(true, false)) {
      DropwizardAppExtension<BallastConfiguration> app = fast ? FAST : JERSEY;
      ApiKeys keys = new ApiKeys(Database.jdbi(DB.get(fast).dataSource()), Clock.systemUTC(),
          Duration.ZERO, Ticker.systemTicker());
      String key = keys.create("ana", Role.ANALYST).secret();
      KEYS.put(app, key);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (send(app, "/v1/assets?kind=coin", key).statusCode() != 200) {
        assertThat(System.nanoTime()).as("market loaded in time").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
    String assets = send(FAST, "/v1/assets?kind=coin", KEYS.get(FAST)).body();
    symbol = FAST.getObjectMapper().readTree(assets).get("assets").get(0).get("symbol").asText();
  }

  private static HttpResponse<String> send(DropwizardAppExtension<BallastConfiguration> app,
      String path, String key, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.getLocalPort() + path));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What must be equal: status, body (at one age) and headers, less the date and max-age. */
  private static String answer(HttpResponse<String> response) {
    Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
    headers.remove("date");
    headers.computeIfPresent("cache-control", (name, values) -> values.stream()
        .map(v -> v.replaceAll("max-age=\\d+", "max-age=N")).toList());
    return response.statusCode() + " " + headers + " "
        + response.body().replaceAll("\"ageSeconds\":\\d+", "\"ageSeconds\":N");
  }

  /** Sends one request to both servers, the key standing for each server's own analyst key. */
  private static String same(String path, boolean withKey, String... headers) throws Exception {
    String fast = answer(send(FAST, path, withKey ? KEYS.get(FAST) : null, headers));
    String jersey = answer(send(JERSEY, path, withKey ? KEYS.get(JERSEY) : null, headers));
    assertThat(fast).as(path).isEqualTo(jersey);
    return fast;
  }

  @Test
  void theFastPathsAnswerAsJerseyDoes() throws Exception {
    long before = FAST.getEnvironment().metrics().counter(FastPaths.SERVED_METRIC).getCount();
    List<String> answers = new ArrayList<>();
    answers.add(same("/v1/ping", false));
    answers.add(same("/v1/quotes/" + symbol, true));
    answers.add(same("/v1/quotes/" + symbol.toLowerCase(Locale.ROOT), true));
    answers.add(same("/v1/quotes/" + symbol, false));
    answers.add(same("/v1/quotes/NOSUCHCOIN", true));
    String etag = send(FAST, "/v1/quotes/" + symbol, KEYS.get(FAST)).headers()
        .firstValue("ETag").orElseThrow();
    answers.add(same("/v1/quotes/" + symbol, true, "If-None-Match", etag));
    answers.add(same("/v1/quotes/" + symbol, true, "If-None-Match", "W/\"other\""));
    for (String path : List.of("/v1/ping", "/v1/quotes/" + symbol)) {
      String fast = answer(send(FAST, path, "bk_notakey"));
      assertThat(fast).isEqualTo(answer(send(JERSEY, path, "bk_notakey")));
      answers.add(fast);
    }
    assertThat(String.join("\n", answers)).contains("200 ", "304 ", "401 ", "404 ",
        "\"stale\":false", "WWW-Authenticate".toLowerCase(Locale.ROOT));

    // Anonymous pings spend the address's allowance until refused, the same way on both.
    String refused = refusal(FAST);
    assertThat(refused).contains("retry-after").isEqualTo(refusal(JERSEY));

    long served = FAST.getEnvironment().metrics().counter(FastPaths.SERVED_METRIC).getCount();
    assertThat(served - before).as("the fast server took the fast path")
        .isGreaterThanOrEqualTo(answers.size() + 1);
    assertThat(JERSEY.getEnvironment().metrics().getCounters())
        .doesNotContainKey(FastPaths.SERVED_METRIC);
  }

  private static String refusal(DropwizardAppExtension<BallastConfiguration> app)
      throws Exception {
    for (int i = 0; i < 60; i++) {
      HttpResponse<String> ping = send(app, "/v1/ping", null);
      if (ping.statusCode() == 429) {
        return answer(ping);
      }
    }
    throw new AssertionError("60 anonymous pings never met the burst of 30");
  }
}
