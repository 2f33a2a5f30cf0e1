package dev.ballast.core.asset;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a stablecoin promises: one unit is worth {@code pegTarget} of {@code pegCurrency}
 * (for example 1 USD, or 1 troy ounce of gold as {@code XAU}), backed by {@code collateral} and
 * issued by {@code issuer}. The issuer lets an index spread its stablecoin sleeve across
 * issuers. Immutable and thread-safe.
 */
public record StablecoinTerms(
    String pegCurrency, BigDecimal pegTarget, Collateral collateral, String issuer) {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public StablecoinTerms {
    Objects.requireNonNull(pegCurrency, "pegCurrency");
    pegCurrency = pegCurrency.strip().toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(pegCurrency).matches()) {
      throw new IllegalArgumentException(
          "pegCurrency must be a three-letter code such as USD or XAU, was " + pegCurrency);
    }
    Objects.requireNonNull(pegTarget, "pegTarget");
    if (pegTarget.signum() <= 0) {
      throw new IllegalArgumentException("pegTarget must be positive, was " + pegTarget);
    }
    Objects.requireNonNull(collateral, "collateral");
    issuer = issuer == null || issuer.isBlank() ? "unknown" : issuer.strip();
  }

  /** A coin pegged to one US dollar. */
  public static StablecoinTerms usd(Collateral collateral, String issuer) {
    return new StablecoinTerms("USD", BigDecimal.ONE, collateral, issuer);
  }

  /** Whether the peg is quoted in US dollars, so that a USD price can be compared to it. */
  public boolean isUsdPeg() {
    return "USD".equals(pegCurrency);
  }
}
