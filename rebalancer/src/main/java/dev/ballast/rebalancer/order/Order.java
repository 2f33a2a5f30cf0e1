package dev.ballast.rebalancer.order;

import dev.ballast.core.asset.AssetId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order of a rebalance. {@code notionalUsd} is exactly {@code quantity × price}; {@code
 * feeUsd} is exactly {@code notionalUsd × feeBps / 10000}, paid from cash on top of a buy and out
 * of the proceeds of a sell. Immutable and thread-safe.
 *
 * @param quantity units of the asset, positive, at {@link OrderPlanner#QUANTITY_SCALE} decimals
 * @param price USD per unit
 */
public record Order(
    AssetId asset,
    Side side,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal notionalUsd,
    BigDecimal feeUsd) {

  public Order {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(notionalUsd, "notionalUsd");
    Objects.requireNonNull(feeUsd, "feeUsd");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException(
          "quantity of " + asset + " must be positive, was " + quantity.toPlainString());
    }
    if (price.signum() <= 0) {
      throw new IllegalArgumentException(
          "price of " + asset + " must be positive, was " + price.toPlainString());
    }
    if (feeUsd.signum() < 0) {
      throw new IllegalArgumentException(
          "feeUsd of " + asset + " must not be negative, was " + feeUsd.toPlainString());
    }
  }
}
