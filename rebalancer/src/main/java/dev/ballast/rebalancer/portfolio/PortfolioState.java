package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.portfolio.Portfolio;
import dev.ballast.rebalancer.engine.Holdings;
import java.util.Objects;

/** A portfolio with what it holds and its target, read together. Immutable. */
public record PortfolioState(Portfolio portfolio, Holdings holdings, Target target) {

  public PortfolioState {
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(holdings, "holdings");
    Objects.requireNonNull(target, "target");
  }
}
