package dev.ballast.api.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.store.BarCoverage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** An asset as the API shows it, with the span of its stored history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AssetView(
    String symbol,
    String name,
    String kind,
    Stablecoin stablecoin,
    LocalDate firstDate,
    LocalDate lastDate,
    long bars) {

  /** A stablecoin's peg and backing. */
  record Stablecoin(String pegCurrency, BigDecimal pegTarget, String collateral, String issuer) {
    static Stablecoin of(StablecoinTerms t) {
      return new Stablecoin(t.pegCurrency(), t.pegTarget(), label(t.collateral()), t.issuer());
    }
  }

  static AssetView of(Asset asset, BarCoverage coverage) {
    return new AssetView(
        asset.symbol(),
        asset.name(),
        label(asset.kind()),
        asset.stablecoinTerms().map(Stablecoin::of).orElse(null),
        coverage == null ? null : coverage.firstDate(),
        coverage == null ? null : coverage.lastDate(),
        coverage == null ? 0 : coverage.bars());
  }

  /** The API's spelling of an enum constant: lower case with hyphens ("fiat-backed"). */
  static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
