package dev.ballast.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.AuthSettings;
import dev.ballast.api.auth.Gate;
import dev.ballast.api.quote.QuoteCache;
import dev.ballast.api.quote.QuoteSettings;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import dev.ballast.core.store.TestDatabase;
import io.dropwizard.jackson.Jackson;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast paths on a real Jetty: what they answer themselves (including a failing source's
 * 503 and stale quotes), and what they leave to the servlet behind them, which stands in for
 * Jersey and answers 418. {@code FastPathIT} checks their answers against Jersey's.
 */
class FastPathsTest {

  private static final Instant NOW = Instant.parse("2026-02-18T12:00:00Z");
  private static final int JERSEY = 418;
  private static final AtomicBoolean FAILING = new AtomicBoolean();
  private static final AtomicBoolean LOADING = new AtomicBoolean();
  private static final Counter SERVED = new Counter();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = Jackson.newObjectMapper();

  private static final QuoteSource SOURCE = new QuoteSource() {
    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public Optional<Quote> latest(AssetId asset) {
      if (FAILING.get()) {
        throw new IllegalStateException("connection refused");
      }
      return asset.symbol().startsWith("NO") ? Optional.empty() : Optional.of(
          new Quote(asset, new BigDecimal("42.5"), NOW.minusSeconds(60), "flaky"));
    }
  };

  private static QuoteCache cache;
  private static Server server;

  @BeforeAll
  static void start() throws Exception {
    ApiKeys keys = new ApiKeys(TestDatabase.h2().migrated(), Clock.systemUTC(), Duration.ZERO,
        Ticker.systemTicker());
    QuoteSettings settings = new QuoteSettings();
    settings.setExpireAfter(io.dropwizard.util.Duration.milliseconds(200));
    settings.setRefreshAfter(io.dropwizard.util.Duration.milliseconds(100));
    cache = new QuoteCache(SOURCE, settings, Ticker.systemTicker(), Runnable::run);

    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(new FilterHolder(new FastPaths(new Gate(keys, new AuthSettings()), cache,
            Clock.fixed(NOW, ZoneOffset.UTC), JSON, LOADING::get, SERVED)), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(JERSEY);
      }
    }), "/*");
    server.setHandler(context);
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  @BeforeEach
  void reset() {
    FAILING.set(false);
    LOADING.set(false);
    cache.invalidateAll();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersPingAndCachedQuotesItself() throws Exception {
    long before = SERVED.getCount();
    HttpResponse<String> ping = send("GET", "/v1/ping");
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(ping.headers().firstValue("Cache-Control")).contains("no-store");

    HttpResponse<String> quote = send("GET", "/v1/quotes/abc");
    assertThat(quote.statusCode()).isEqualTo(200);
    assertThat(quote.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = JSON.readTree(quote.body());
    assertThat(body.get("symbol").asText()).isEqualTo("ABC");
    assertThat(body.get("ageSeconds").asLong()).isEqualTo(60);
    assertThat(body.get("stale").asBoolean()).isFalse();
    assertThat(SERVED.getCount() - before).isEqualTo(2);
  }

  @Test
  void aFailingSourceServesTheLastKnownQuoteAsStaleOrElseA503() throws Exception {
    String fresh = send("GET", "/v1/quotes/AAA").headers().firstValue("ETag").orElseThrow();
    FAILING.set(true);
    Thread.sleep(250); // past the hard expiry: the next request asks the source again
    HttpResponse<String> stale = send("GET", "/v1/quotes/AAA");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(stale.body()).get("stale").asBoolean()).isTrue();
    assertThat(stale.headers().firstValue("Cache-Control")).contains("max-age=0");
    assertThat(stale.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(fresh);

    HttpResponse<String> none = send("GET", "/v1/quotes/ZZZ");
    assertThat(none.statusCode()).isEqualTo(503);
    assertThat(none.headers().firstValue("Retry-After")).contains("5");
    assertThat(none.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(none.body()).get("detail").asText()).contains("flaky", "ZZZ");
  }

  @Test
  void unknownSymbolsAreA404NamingTheField() throws Exception {
    HttpResponse<String> none = send("GET", "/v1/quotes/NOPE");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(none.body()).get("field").asText()).isEqualTo("symbol");
  }

  @Test
  void anIfNoneMatchOfTheETagIsA304() throws Exception {
    String etag = send("GET", "/v1/quotes/AAA").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/v1/quotes/AAA"))
        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.headers().firstValue("ETag")).contains(etag);
    assertThat(again.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/quotes/AAA?x=1", "/v1/ping?a=1", "/v1/quotes/", "/v1/quotes/A/B",
      "/v1/quotes/%41", "/v1/quotes/-A", "/v1/quotes", "/v1/pings", "/v1/assets"})
  void leavesEverythingElseToJersey(String path) throws Exception {
    assertThat(send("GET", path).statusCode()).isEqualTo(JERSEY);
  }

  @Test
  void leavesOtherMethodsAndTheLoadingMarketToJersey() throws Exception {
    assertThat(send("HEAD", "/v1/ping").statusCode()).isEqualTo(JERSEY);
    assertThat(send("POST", "/v1/quotes/AAA").statusCode()).isEqualTo(JERSEY);
    LOADING.set(true);
    assertThat(send("GET", "/v1/quotes/AAA").statusCode()).isEqualTo(JERSEY);
  }
}
