package dev.ballast.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.api.errors.ProblemMappers;
import dev.ballast.api.quote.QuoteCache;
import dev.ballast.api.quote.QuoteSettings;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.dropwizard.util.Duration;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the quote endpoints answer when the source fails: stale quotes, or a 503 problem. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuoteResourceTest {

  private static final Instant NOW = Instant.parse("2026-02-18T12:00:00Z");
  private static final AtomicLong NANOS = new AtomicLong(1);
  private static volatile boolean failing;

  private static final QuoteSource SOURCE = new QuoteSource() {
    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public Optional<Quote> latest(AssetId asset) {
      if (failing) {
        throw new IllegalStateException("connection refused");
      }
      return Optional.of(new Quote(asset, new BigDecimal("42.5"), NOW.minusSeconds(60), "flaky"));
    }
  };

  private static QuoteSettings settings() {
    QuoteSettings settings = new QuoteSettings();
    settings.setRefreshAfter(Duration.seconds(30));
    settings.setExpireAfter(Duration.seconds(60));
    return settings;
  }

  private static final Ticker TICKER = NANOS::get;
  private static final ResourceExtension RESOURCES = ResourceExtension.builder()
      .addResource(new QuoteResource(new QuoteCache(SOURCE, settings(), TICKER, Runnable::run),
          Clock.fixed(NOW, ZoneOffset.UTC), settings()))
      .addProvider(ProblemMappers.all().toArray())
      .build();

  @Test
  void aFailingSourceServesTheLastKnownQuoteAsStaleOrElseA503() {
    failing = true;
    Response none = RESOURCES.target("/v1/quotes/AAA").request().get();
    assertThat(none.getStatus()).isEqualTo(503);
    assertThat(none.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(none.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(none.readEntity(JsonNode.class).get("detail").asText()).contains("flaky")
        .contains("AAA");
    Response many = RESOURCES.target("/v1/quotes").queryParam("symbols", "AAA,BBB").request()
        .get();
    assertThat(many.getStatus()).isEqualTo(503);

    failing = false;
    Response fresh = RESOURCES.target("/v1/quotes/BBB").request().get();
    assertThat(fresh.getStatus()).isEqualTo(200);
    assertThat(fresh.getHeaderString("Cache-Control")).isEqualTo("max-age=30");
    JsonNode quote = fresh.readEntity(JsonNode.class);
    assertThat(quote.get("stale").asBoolean()).isFalse();
    assertThat(quote.get("ageSeconds").asLong()).isEqualTo(60);

    failing = true;
    NANOS.addAndGet(61_000_000_000L); // past the hard expiry: the next request asks the source
    Response stale = RESOURCES.target("/v1/quotes/BBB").request().get();
    assertThat(stale.getStatus()).isEqualTo(200);
    assertThat(stale.getHeaderString("Cache-Control")).isEqualTo("max-age=0");
    assertThat(stale.getHeaderString("ETag")).isNotEqualTo(fresh.getHeaderString("ETag"));
    JsonNode staleQuote = stale.readEntity(JsonNode.class);
    assertThat(staleQuote.get("stale").asBoolean()).isTrue();
    assertThat(staleQuote.get("price").decimalValue()).isEqualByComparingTo("42.5");
    failing = false;
  }
}
