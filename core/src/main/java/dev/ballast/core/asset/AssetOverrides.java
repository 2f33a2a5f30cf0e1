package dev.ballast.core.asset;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user says about an asset, over what the {@link AssetRegistry} knows: typically the
 * options of an import command. Every field is optional; an empty one leaves the registry's
 * value (or the default) alone. Immutable and thread-safe.
 *
 * @param kind when empty, an asset given a collateral or a peg is taken to be a stablecoin
 */
public record AssetOverrides(
    Optional<String> name,
    Optional<AssetKind> kind,
    Optional<Collateral> collateral,
    Optional<String> pegCurrency,
    Optional<BigDecimal> pegTarget,
    Optional<String> issuer) {

  private static final AssetOverrides NONE = new AssetOverrides(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  public AssetOverrides {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(collateral, "collateral");
    Objects.requireNonNull(pegCurrency, "pegCurrency");
    Objects.requireNonNull(pegTarget, "pegTarget");
    Objects.requireNonNull(issuer, "issuer");
    name = name.map(String::strip).filter(s -> !s.isEmpty());
    issuer = issuer.map(String::strip).filter(s -> !s.isEmpty());
    pegTarget.ifPresent(target -> {
      if (target.signum() <= 0) {
        throw new IllegalArgumentException("pegTarget must be positive, was " + target);
      }
    });
    if (kind.orElse(null) == AssetKind.COIN && impliesStablecoin(collateral, pegCurrency,
        pegTarget)) {
      throw new IllegalArgumentException("a coin has no collateral or peg, but kind coin was given"
          + " with " + collateral.map(c -> "collateral " + c.label() + " ").orElse("")
          + pegCurrency.map(c -> "peg currency " + c + " ").orElse("")
          + pegTarget.map(t -> "peg target " + t).orElse(""));
    }
  }

  /** Nothing overridden: the registry's entry, or a coin named after its symbol. */
  public static AssetOverrides none() {
    return NONE;
  }

  public AssetOverrides withName(String name) {
    return new AssetOverrides(Optional.of(name), kind, collateral, pegCurrency, pegTarget, issuer);
  }

  public AssetOverrides withKind(AssetKind kind) {
    return new AssetOverrides(name, Optional.of(kind), collateral, pegCurrency, pegTarget, issuer);
  }

  public AssetOverrides withCollateral(Collateral collateral) {
    return new AssetOverrides(name, kind, Optional.of(collateral), pegCurrency, pegTarget, issuer);
  }

  public AssetOverrides withPegCurrency(String pegCurrency) {
    return new AssetOverrides(name, kind, collateral, Optional.of(pegCurrency), pegTarget, issuer);
  }

  public AssetOverrides withPegTarget(BigDecimal pegTarget) {
    return new AssetOverrides(name, kind, collateral, pegCurrency, Optional.of(pegTarget), issuer);
  }

  public AssetOverrides withIssuer(String issuer) {
    return new AssetOverrides(name, kind, collateral, pegCurrency, pegTarget, Optional.of(issuer));
  }

  /** Whether the overrides make the asset a stablecoin when the kind is not given. */
  boolean impliesStablecoin() {
    return impliesStablecoin(collateral, pegCurrency, pegTarget);
  }

  private static boolean impliesStablecoin(
      Optional<Collateral> collateral, Optional<String> pegCurrency,
      Optional<BigDecimal> pegTarget) {
    return collateral.isPresent() || pegCurrency.isPresent() || pegTarget.isPresent();
  }
}
