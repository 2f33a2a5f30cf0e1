package dev.ballast.api.quote;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quotes from a {@link QuoteSource} behind a Caffeine cache: at most one load per symbol at a
 * time (concurrent requests for a missing symbol wait for the same load), reloads in the
 * background after {@code refreshAfter} while the cached quote is still served, a hard expiry
 * after {@code expireAfter}, and a bounded size. Unknown symbols are cached too (as empty), so
 * that asking for them again does not reach the source.
 *
 * <p>When the source fails, the last quote known for the symbol is served, marked stale, and the
 * source is asked again after {@code refreshAfter}; with none known the lookup throws {@link
 * QuoteUnavailableException}. The last known quotes outlive the cache's expiry on purpose, in a
 * map bounded like the cache. Thread-safe.
 */
public final class QuoteCache {

  private static final Logger LOG = LoggerFactory.getLogger(QuoteCache.class);

  private final QuoteSource source;
  private final Ticker ticker;
  private final long refreshNanos;
  private final LoadingCache<AssetId, Optional<CachedQuote>> cache;
  private final Cache<AssetId, Quote> lastKnown;
  private final LongAdder sourceFailures = new LongAdder();
  private final LongAdder staleServed = new LongAdder();

  public QuoteCache(QuoteSource source, QuoteSettings settings, Ticker ticker, Executor executor) {
    this.source = source;
    this.ticker = ticker;
    this.refreshNanos = settings.getRefreshAfter().toNanoseconds();
    this.cache = Caffeine.newBuilder()
        .refreshAfterWrite(Duration.ofNanos(refreshNanos))
        .expireAfterWrite(Duration.ofNanos(settings.getExpireAfter().toNanoseconds()))
        .maximumSize(settings.getMaximumSize())
        .ticker(ticker)
        .executor(executor)
        .recordStats()
        .build(this::load);
    this.lastKnown = Caffeine.newBuilder().maximumSize(settings.getMaximumSize()).build();
  }

  /**
   * The cached quote of an asset, loading it if it is not cached.
   *
   * @return empty if the source knows no price for the asset
   * @throws QuoteUnavailableException if the source failed and no quote of the asset is known
   */
  public Optional<CachedQuote> get(AssetId asset) {
    return count(cache.get(asset));
  }

  /** The cached quotes of several assets, in the order asked, loading those not cached. */
  public Map<AssetId, Optional<CachedQuote>> getAll(Collection<AssetId> assets) {
    Map<AssetId, Optional<CachedQuote>> found = cache.getAll(assets);
    Map<AssetId, Optional<CachedQuote>> ordered = new LinkedHashMap<>();
    for (AssetId asset : assets) {
      ordered.put(asset, count(found.get(asset)));
    }
    return ordered;
  }

  /** Seconds for which a client may reuse this quote: until the cache would reload it. */
  public long maxAgeSeconds(CachedQuote quote) {
    if (quote.stale()) {
      return 0;
    }
    long left = refreshNanos - (ticker.read() - quote.loadedNanos());
    return Math.max(0, left / 1_000_000_000L);
  }

  public CacheStats stats() {
    return cache.stats();
  }

  /** Forgets every cached quote (not the last known ones): the next requests reload. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Registers the cache's statistics as gauges named {@code quotes.cache.*}. */
  public void registerMetrics(MetricRegistry metrics) {
    gauge(metrics, "quotes.cache.hits", CacheStats::hitCount);
    gauge(metrics, "quotes.cache.misses", CacheStats::missCount);
    gauge(metrics, "quotes.cache.loads", CacheStats::loadCount);
    gauge(metrics, "quotes.cache.loadFailures", CacheStats::loadFailureCount);
    gauge(metrics, "quotes.cache.evictions", CacheStats::evictionCount);
    metrics.register("quotes.cache.hitRate", (Gauge<Double>) () -> cache.stats().hitRate());
    metrics.register("quotes.cache.size", (Gauge<Long>) cache::estimatedSize);
    metrics.register("quotes.source.failures", (Gauge<Long>) sourceFailures::sum);
    metrics.register("quotes.served.stale", (Gauge<Long>) staleServed::sum);
  }

  private void gauge(MetricRegistry metrics, String name, ToLongFunction<CacheStats> stat) {
    metrics.register(name, (Gauge<Long>) () -> stat.applyAsLong(cache.stats()));
  }

  private Optional<CachedQuote> count(Optional<CachedQuote> quote) {
    if (quote.isPresent() && quote.get().stale()) {
      staleServed.increment();
    }
    return quote;
  }

  /** Loads (and, in the background, reloads) one asset's quote; see the class comment. */
  private Optional<CachedQuote> load(AssetId asset) {
    Optional<Quote> quote;
    try {
      quote = source.latest(asset);
    } catch (RuntimeException e) {
      sourceFailures.increment();
      Quote known = lastKnown.getIfPresent(asset);
      if (known == null) {
        LOG.warn("quote source {} failed for {} and no quote of it is known: {}", source.name(),
            asset, e.toString());
        throw new QuoteUnavailableException(asset, source.name(), e);
      }
      LOG.warn("quote source {} failed for {}; serving the last known quote as stale: {}",
          source.name(), asset, e.toString());
      return Optional.of(new CachedQuote(known, true, ticker.read()));
    }
    if (quote.isEmpty()) {
      lastKnown.invalidate(asset);
      return Optional.empty();
    }
    lastKnown.put(asset, quote.get());
    return Optional.of(new CachedQuote(quote.get(), false, ticker.read()));
  }
}
