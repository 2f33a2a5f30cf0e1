package dev.ballast.core.price;

import dev.ballast.core.asset.AssetId;
import java.util.Optional;

/**
 * Where current prices come from: the stored market, or later an exchange or price API. The API
 * puts a cache in front of it, so an implementation may be slow or rate-limited, and it reports
 * trouble by throwing: the cache then serves the last known quote, marked stale.
 *
 * <p>Implementations must be thread-safe: the cache calls them from several threads.
 */
public interface QuoteSource {

  /** A short name for logs and metrics, such as {@code stored} or {@code coingecko}. */
  String name();

  /**
   * The newest price this source knows for the asset.
   *
   * @return empty if the source has no price for the asset (an unknown symbol)
   * @throws RuntimeException if the source could not be asked (down, timed out, refused)
   */
  Optional<Quote> latest(AssetId asset);
}
