package dev.ballast.core.price;

import dev.ballast.core.asset.AssetId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The price of one unit of an asset in USD at an instant, as reported by a named source.
 * {@code BigDecimal} because portfolios are valued and paper-filled at quotes. Immutable and
 * thread-safe.
 */
public record Quote(AssetId asset, BigDecimal price, Instant asOf, String source) {

  public static final int MAX_SOURCE_LENGTH = 40;

  public Quote {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(asOf, "asOf");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive, was " + price + " for " + asset);
    }
    if (source == null || source.isBlank() || source.length() > MAX_SOURCE_LENGTH) {
      throw new IllegalArgumentException(
          "source must be 1-" + MAX_SOURCE_LENGTH + " characters, was " + source);
    }
  }
}
