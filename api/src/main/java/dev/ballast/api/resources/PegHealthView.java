package dev.ballast.api.resources;

import dev.ballast.core.asset.Asset;
import dev.ballast.ratings.peg.PegHealth;
import java.time.LocalDate;
import java.util.List;

/**
 * A stablecoin's peg health on one day. Deviations are signed fractions of the peg (-0.034 is
 * 3.4% below); {@code consensusDeviation} is against the median of the other stablecoins of
 * the same peg that day, which tells a depeg from a move of the USD reference itself.
 */
record PegHealthView(
    String symbol,
    LocalDate date,
    String status,
    double price,
    Double deviation,
    Double consensusDeviation,
    Double worstDeviation7d,
    Double meanAbsDeviation7d,
    Double worstDeviation30d,
    Double meanAbsDeviation30d,
    int daysOffPeg30d,
    boolean liquidityWarning,
    String collateral,
    String pegCurrency,
    List<String> reasons) {

  static PegHealthView of(PegHealth h, Asset asset) {
    return new PegHealthView(
        h.asset().symbol(),
        h.date(),
        AssetView.label(h.status()),
        h.price(),
        RatingView.known(h.deviation()),
        RatingView.known(h.consensusDeviation()),
        RatingView.known(h.worstDeviation7d()),
        RatingView.known(h.meanAbsDeviation7d()),
        RatingView.known(h.worstDeviation30d()),
        RatingView.known(h.meanAbsDeviation30d()),
        h.daysOffPeg30d(),
        h.liquidityWarning(),
        asset == null ? null : AssetView.label(asset.stablecoin().collateral()),
        asset == null ? null : asset.stablecoin().pegCurrency(),
        h.reasons());
  }
}
