package dev.ballast.core.asset;

import java.util.Objects;
import java.util.Optional;

/**
 * A tradable asset. A stablecoin carries its {@link StablecoinTerms}; a coin carries none.
 * Immutable and thread-safe.
 *
 * @param stablecoin the peg and collateral; present exactly when {@code kind} is STABLECOIN
 */
public record Asset(AssetId id, String name, AssetKind kind, StablecoinTerms stablecoin) {

  public static final int MAX_NAME_LENGTH = 100;

  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    name = name == null || name.isBlank() ? id.symbol() : name.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name must be at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
    }
    if ((kind == AssetKind.STABLECOIN) != (stablecoin != null)) {
      throw new IllegalArgumentException(
          "a stablecoin needs its peg terms and a coin has none: " + id + " is " + kind
              + (stablecoin == null ? " without terms" : " with terms"));
    }
  }

  public static Asset coin(AssetId id, String name) {
    return new Asset(id, name, AssetKind.COIN, null);
  }

  public static Asset stablecoin(AssetId id, String name, StablecoinTerms terms) {
    return new Asset(id, name, AssetKind.STABLECOIN, terms);
  }

  public String symbol() {
    return id.symbol();
  }

  public boolean isStablecoin() {
    return kind == AssetKind.STABLECOIN;
  }

  public Optional<StablecoinTerms> stablecoinTerms() {
    return Optional.ofNullable(stablecoin);
  }
}
