package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import java.math.BigDecimal;
import java.util.List;

/**
 * A portfolio valued at current quotes. Money is {@code BigDecimal} USD; weights are doubles
 * (fractions of {@code valueUsd}). A held asset without a quote is listed with a null price and
 * value and left out of the value: {@code complete} is then false. Immutable.
 */
public record Valuation(PortfolioState state, BigDecimal valueUsd, double cashWeight,
    List<Position> positions, boolean complete) {

  public Valuation {
    positions = List.copyOf(positions);
  }

  /** One holding at its quote. */
  public record Position(AssetId asset, BigDecimal quantity, Quote quote, BigDecimal valueUsd,
      Double weight) {}
}
