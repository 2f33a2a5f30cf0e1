package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Where portfolios get current prices: the newest quote of an asset, and whether it is stale,
 * that is served from memory because its source failed. Portfolios are valued and previewed at
 * stale quotes (their time and staleness are shown) but never filled at them. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface PortfolioQuotes {

  /**
   * The quote of an asset now.
   *
   * @return empty if no price of the asset is known (an unknown symbol)
   * @throws RuntimeException if no quote can be had now (the source failed, none is known)
   */
  Optional<Current> latest(AssetId asset);

  /** A quote as served now: {@code stale} if it is the last known one of a failed source. */
  record Current(Quote quote, boolean stale) {
    public Current {
      Objects.requireNonNull(quote, "quote");
    }
  }

  /** Quotes asked of a source directly: never stale, since a failure throws. */
  static PortfolioQuotes of(QuoteSource source) {
    Objects.requireNonNull(source, "source");
    return asset -> source.latest(asset).map(q -> new Current(q, false));
  }
}
