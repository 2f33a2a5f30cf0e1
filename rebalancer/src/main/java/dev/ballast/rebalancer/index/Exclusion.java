package dev.ballast.rebalancer.index;

import dev.ballast.core.asset.AssetId;
import java.util.Objects;

/**
 * Why an asset of the universe is not in the index on a rebalance day, in words for the
 * evidence shown to users ({@code "market cap 6.2e6 USD < 8.0e6 (member buffer)"}). Immutable and
 * thread-safe.
 */
public record Exclusion(AssetId asset, String reason) {

  public Exclusion {
    Objects.requireNonNull(asset, "asset");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank, was " + reason);
    }
  }
}
