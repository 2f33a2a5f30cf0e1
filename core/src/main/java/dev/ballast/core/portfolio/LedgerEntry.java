package dev.ballast.core.portfolio;

import dev.ballast.core.asset.AssetId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to what a portfolio holds: a deposit or withdrawal of an asset or of USD cash, or a
 * paper fill of a rebalance. The ledger is the record; the holdings are its running sum (a
 * portfolio's quantity of an asset is the sum of its entries' {@link #quantityDelta}, its cash
 * the sum of their {@link #cashDelta}). Immutable and thread-safe.
 *
 * @param id the database's id, 0 before it is stored
 * @param asset the asset moved, or empty for USD cash
 * @param quantity units of the asset (USD for cash), positive, at {@link Amounts#SCALE} decimals
 * @param price USD per unit of a fill, or null for deposits and withdrawals
 * @param feeUsd the fee of a fill, paid from cash; zero otherwise
 * @param cashDelta the change to cash in USD: the cash moved, or a fill's notional less or plus
 *     its fee
 * @param rebalanceId the portfolio rebalance a fill belongs to, or null
 */
public record LedgerEntry(
    long id,
    PortfolioId portfolio,
    Instant at,
    Kind kind,
    Optional<AssetId> asset,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal feeUsd,
    BigDecimal cashDelta,
    Long rebalanceId) {

  /** What an entry records. */
  public enum Kind {
    DEPOSIT,
    WITHDRAWAL,
    BUY,
    SELL;

    public boolean isFill() {
      return this == BUY || this == SELL;
    }
  }

  public LedgerEntry {
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(feeUsd, "feeUsd");
    Objects.requireNonNull(cashDelta, "cashDelta");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
    if (kind.isFill() && (asset.isEmpty() || price == null || rebalanceId == null)) {
      throw new IllegalArgumentException("a fill needs an asset, a price and a rebalance");
    }
  }

  /** The change this entry makes to the quantity of its asset (zero for cash). */
  public BigDecimal quantityDelta() {
    if (asset.isEmpty()) {
      return BigDecimal.ZERO;
    }
    return kind == Kind.DEPOSIT || kind == Kind.BUY ? quantity : quantity.negate();
  }
}
