package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.portfolio.PortfolioId;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rebalance of a portfolio, as stored (or as previewed, with id 0): why, towards which
 * weights with which trading rules, the paper fills, fees and values. Money is USD at 18
 * decimals. Immutable.
 *
 * @param trigger {@code MANUAL} (the owner asked) or {@code INDEX} (the followed index
 *     rebalanced)
 * @param indexRebalanceId the index rebalance applied, for an {@code INDEX} rebalance (empty if
 *     that index rebalance was deleted since)
 * @param orders the fills, sells first; prices are the quotes they filled at
 */
public record PortfolioRebalance(
    long id,
    PortfolioId portfolio,
    Instant executedAt,
    Trigger trigger,
    Optional<IndexId> index,
    Optional<Long> indexRebalanceId,
    Map<AssetId, Double> targetWeights,
    double driftBand,
    BigDecimal minTradeUsd,
    double feeBps,
    List<Order> orders,
    BigDecimal feesUsd,
    BigDecimal valueBeforeUsd,
    BigDecimal valueAfterUsd) {

  /** Why a portfolio rebalanced. */
  public enum Trigger {
    MANUAL,
    INDEX
  }

  public PortfolioRebalance {
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(executedAt, "executedAt");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(indexRebalanceId, "indexRebalanceId");
    targetWeights = Map.copyOf(targetWeights);
    orders = List.copyOf(orders);
    Objects.requireNonNull(feesUsd, "feesUsd");
    Objects.requireNonNull(valueBeforeUsd, "valueBeforeUsd");
    Objects.requireNonNull(valueAfterUsd, "valueAfterUsd");
  }
}
