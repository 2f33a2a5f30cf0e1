package dev.ballast.api.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import io.dropwizard.util.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuoteCacheTest {

  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A source whose prices the test sets, that counts its loads and can be made to fail. */
  static final class FakeSource implements QuoteSource {
    final Map<AssetId, Quote> prices = new ConcurrentHashMap<>();
    final AtomicInteger loads = new AtomicInteger();
    volatile boolean failing;
    volatile CountDownLatch gate;

    void set(AssetId asset, String price) {
      prices.put(asset, new Quote(asset, new BigDecimal(price), T0, "fake"));
    }

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public Optional<Quote> latest(AssetId asset) {
      loads.incrementAndGet();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failing) {
        throw new IllegalStateException("upstream down");
      }
      return Optional.ofNullable(prices.get(asset));
    }
  }

  static final class FakeTicker implements Ticker {
    final AtomicLong nanos = new AtomicLong(1);

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(long seconds) {
      nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
  }

  /** Runs tasks at once, or holds them until {@link #runHeld()} while {@code holding}. */
  static final class TestExecutor implements java.util.concurrent.Executor {
    final java.util.Queue<Runnable> held = new java.util.concurrent.ConcurrentLinkedQueue<>();
    volatile boolean holding;

    @Override
    public void execute(Runnable task) {
      if (holding) {
        held.add(task);
      } else {
        task.run();
      }
    }

    void runHeld() {
      for (Runnable task; (task = held.poll()) != null; ) {
        task.run();
      }
    }
  }

  private final FakeSource source = new FakeSource();
  private final FakeTicker ticker = new FakeTicker();
  private final TestExecutor executor = new TestExecutor();

  private QuoteCache cache(long maximumSize) {
    QuoteSettings settings = new QuoteSettings();
    settings.setRefreshAfter(Duration.seconds(30));
    settings.setExpireAfter(Duration.seconds(300));
    settings.setMaximumSize(maximumSize);
    return new QuoteCache(source, settings, ticker, executor);
  }

  private static String price(Optional<CachedQuote> quote) {
    return quote.orElseThrow().quote().price().toPlainString();
  }

  @Test
  void concurrentRequestsForAMissingQuoteCauseOneLoad() throws Exception {
    source.set(BTC, "64000");
    QuoteCache cache = cache(100);
    CountDownLatch gate = new CountDownLatch(1);
    source.gate = gate;
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch started = new CountDownLatch(threads);
      List<Future<Optional<CachedQuote>>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(pool.submit(() -> {
          started.countDown();
          return cache.get(BTC);
        }));
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      // Every request is in flight and the one load is held at the gate: let it through.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (source.loads.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      Thread.sleep(100);
      gate.countDown();
      for (Future<Optional<CachedQuote>> answer : answers) {
        assertThat(price(answer.get(10, TimeUnit.SECONDS))).isEqualTo("64000");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(source.loads).hasValue(1);
    assertThat(cache.stats().loadCount()).isEqualTo(1);
  }

  @Test
  void servesTheCachedQuoteWhileRefreshingAfterTheRefreshAge() {
    source.set(BTC, "64000");
    QuoteCache cache = cache(100);
    assertThat(price(cache.get(BTC))).isEqualTo("64000");
    source.set(BTC, "65000");
    ticker.advance(29);
    assertThat(price(cache.get(BTC))).isEqualTo("64000");
    assertThat(source.loads).as("younger than refreshAfter: no load").hasValue(1);

    ticker.advance(2);
    executor.holding = true; // the background reload waits until the test lets it run
    assertThat(price(cache.get(BTC))).as("the cached quote, served while reloading")
        .isEqualTo("64000");
    assertThat(price(cache.get(BTC))).isEqualTo("64000");
    executor.runHeld();
    assertThat(price(cache.get(BTC))).as("the reloaded quote").isEqualTo("65000");
    assertThat(source.loads).hasValue(2);
    assertThat(cache.stats().hitCount()).isEqualTo(4);
  }

  @Test
  void expiresHardAfterTheExpiryAge() {
    source.set(BTC, "64000");
    QuoteCache cache = cache(100);
    cache.get(BTC);
    source.set(BTC, "50000");
    ticker.advance(301);
    assertThat(price(cache.get(BTC))).as("expired: the request waits for the source")
        .isEqualTo("50000");
  }

  @Test
  void servesTheLastKnownQuoteAsStaleWhenTheSourceFails() {
    source.set(BTC, "64000");
    QuoteCache cache = cache(100);
    CachedQuote fresh = cache.get(BTC).orElseThrow();
    assertThat(fresh.stale()).isFalse();
    assertThat(cache.maxAgeSeconds(fresh)).isEqualTo(30);

    source.failing = true;
    ticker.advance(301); // expired, so the next request must ask the source
    CachedQuote stale = cache.get(BTC).orElseThrow();
    assertThat(stale.stale()).isTrue();
    assertThat(stale.quote()).isEqualTo(fresh.quote());
    assertThat(stale.etag()).isNotEqualTo(fresh.etag());
    assertThat(cache.maxAgeSeconds(stale)).isZero();

    source.failing = false;
    ticker.advance(31);
    cache.get(BTC); // refreshes
    assertThat(cache.get(BTC).orElseThrow().stale()).as("recovered").isFalse();
  }

  @Test
  void aFailingSourceWithNoKnownQuoteIsUnavailable() {
    source.set(BTC, "64000");
    source.failing = true;
    QuoteCache cache = cache(100);
    assertThatThrownBy(() -> cache.get(BTC)).isInstanceOf(QuoteUnavailableException.class)
        .hasMessageContaining("BTC").hasMessageContaining("fake");
    source.failing = false;
    assertThat(price(cache.get(BTC))).as("a failure is not cached").isEqualTo("64000");
  }

  @Test
  void unknownSymbolsAreCachedAsEmpty() {
    QuoteCache cache = cache(100);
    assertThat(cache.get(ETH)).isEmpty();
    assertThat(cache.get(ETH)).isEmpty();
    assertThat(source.loads).hasValue(1);
  }

  @Test
  void loadsSeveralInTheOrderAsked() {
    source.set(BTC, "64000");
    source.set(ETH, "3000");
    QuoteCache cache = cache(100);
    cache.get(ETH);
    Map<AssetId, Optional<CachedQuote>> all = cache.getAll(List.of(ETH, AssetId.of("NOPE"), BTC));
    assertThat(all.keySet()).containsExactly(ETH, AssetId.of("NOPE"), BTC);
    assertThat(price(all.get(BTC))).isEqualTo("64000");
    assertThat(all.get(AssetId.of("NOPE"))).isEmpty();
  }

  @Test
  void isBoundedAndReportsItsStatisticsAsMetrics() {
    QuoteCache cache = cache(10);
    for (int i = 0; i < 50; i++) {
      source.set(AssetId.of("C" + i), "1." + i);
      cache.get(AssetId.of("C" + i));
    }
    cache.get(AssetId.of("C49"));
    MetricRegistry metrics = new MetricRegistry();
    cache.registerMetrics(metrics);
    Map<String, Gauge> gauges = metrics.getGauges();
    assertThat(gauges.get("quotes.cache.size").getValue()).isEqualTo(10L);
    assertThat((Long) gauges.get("quotes.cache.evictions").getValue()).isEqualTo(40L);
    assertThat(gauges.get("quotes.cache.loads").getValue()).isEqualTo(50L);
    assertThat(gauges.get("quotes.cache.hits").getValue()).isEqualTo(1L);
    assertThat((Double) gauges.get("quotes.cache.hitRate").getValue()).isBetween(0.01, 0.03);
  }

  @Test
  void writesEachQuoteAsJsonWithItsAge() throws Exception {
    source.prices.put(BTC, new Quote(BTC, new BigDecimal("64000.125"), T0, "a \"quoted\" src"));
    CachedQuote quote = cache(100).get(BTC).orElseThrow();
    JsonNode json = new ObjectMapper().readTree(quote.json(T0.plusSeconds(90)));
    assertThat(json.get("symbol").asText()).isEqualTo("BTC");
    assertThat(json.get("price").decimalValue()).isEqualByComparingTo("64000.125");
    assertThat(json.get("source").asText()).isEqualTo("a \"quoted\" src");
    assertThat(json.get("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(json.get("ageSeconds").asLong()).isEqualTo(90);
    assertThat(json.get("stale").asBoolean()).isFalse();
    assertThat(quote.etag()).startsWith("W/\"").endsWith("\"");
    assertThat(quote.ageSeconds(T0.minusSeconds(5))).as("never negative").isZero();
  }
}
