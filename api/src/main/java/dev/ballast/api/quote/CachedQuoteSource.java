package dev.ballast.api.quote;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import java.util.Optional;

/**
 * The quote cache seen as a {@link QuoteSource}: what portfolios are valued and paper-filled at.
 * A stale quote (the source failed, the last known one is served) is returned as it is; its time
 * says how old it is. Thread-safe.
 */
public final class CachedQuoteSource implements QuoteSource {

  private final QuoteCache cache;

  public CachedQuoteSource(QuoteCache cache) {
    this.cache = cache;
  }

  @Override
  public String name() {
    return "cache";
  }

  @Override
  public Optional<Quote> latest(AssetId asset) {
    return cache.get(asset).map(CachedQuote::quote);
  }
}
