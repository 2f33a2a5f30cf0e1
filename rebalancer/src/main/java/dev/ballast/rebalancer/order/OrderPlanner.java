package dev.ballast.rebalancer.order;

import dev.ballast.core.asset.AssetId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Plans the orders that move holdings towards target weights, trading only the difference.
 * Stateless and thread-safe.
 *
 * <p>Rules:
 *
 * <ol>
 *   <li>value {@code V = cash + Σ quantity × price}; an asset's weight is its value over {@code V};
 *   <li>an asset whose target is 0 (a removed member) is sold in full, whatever the drift band:
 *       an index must not keep a position its methodology excluded;
 *   <li>any other asset whose weight is within {@code driftBand} (absolute) of its target is not
 *       traded at all: small deviations cost more in fees than they are worth;
 *   <li>an order whose notional is below {@code minTradeUsd} is skipped, a full exit included
 *       (exchanges refuse dust orders; the dust stays until it grows or the target moves);
 *   <li>sells go first and fund the buys; every fee is {@code notional × feeBps / 10000}, paid
 *       from cash;
 *   <li>if cash after sells cannot pay for every buy and its fee, all buys are scaled down by the
 *       same factor, so cash never goes negative (a buy scaled below the minimum trade is then
 *       dropped); what targets leave unallocated (weights summing below 1) stays in cash;
 *   <li>quantities have {@value #QUANTITY_SCALE} decimals, rounded down (never sell more than held,
 *       never buy more than paid for); notionals and fees are exact, so value is conserved to the
 *       last digit: {@code cashAfter + Σ holdingsAfter × price + fees = V}. Storage rounds them.
 * </ol>
 */
public final class OrderPlanner {

  /** Decimals of order quantities: finer than any exchange's lot size. */
  public static final int QUANTITY_SCALE = 12;

  /** A fee above 10% is a typo (a fraction written where basis points were meant). */
  public static final double MAX_FEE_BPS = 1000;

  /** Slack on the sum of target weights, which are doubles normalised by someone else. */
  private static final double WEIGHT_SUM_TOLERANCE = 1e-9;

  private static final MathContext FACTOR = new MathContext(34, RoundingMode.DOWN);

  private OrderPlanner() {}

  /**
   * Plans a rebalance.
   *
   * @param holdings quantities held, non-negative
   * @param prices USD per unit, positive, for every asset held or targeted
   * @param cash USD available, non-negative
   * @param targetWeights fractions of the portfolio's value, each in [0, 1], summing to at most 1
   *     (the rest is a cash target); an asset held but absent has target 0
   * @param driftBand absolute weight in [0, 1) within which a holding is left alone
   * @param minTradeUsd smallest notional worth an order, non-negative
   * @param feeBps fee on every notional in basis points, in [0, 1000]
   * @throws IllegalArgumentException naming the bad argument and value
   */
  public static RebalancePlan plan(
      Map<AssetId, BigDecimal> holdings,
      Map<AssetId, BigDecimal> prices,
      BigDecimal cash,
      Map<AssetId, Double> targetWeights,
      double driftBand,
      BigDecimal minTradeUsd,
      double feeBps) {
    return plan(holdings, prices, cash, targetWeights, driftBand, minTradeUsd, feeBps, true);
  }

  /**
   * As above; with {@code weighAfter} false, {@link RebalancePlan#weightsAfter()} is empty when
   * there are orders: the same orders and holdings without dividing every position by the new
   * value again, for a caller that reads only the orders and holdings (a parameter sweep).
   */
  public static RebalancePlan plan(
      Map<AssetId, BigDecimal> holdings,
      Map<AssetId, BigDecimal> prices,
      BigDecimal cash,
      Map<AssetId, Double> targetWeights,
      double driftBand,
      BigDecimal minTradeUsd,
      double feeBps,
      boolean weighAfter) {
    Objects.requireNonNull(holdings, "holdings");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(targetWeights, "targetWeights");
    Objects.requireNonNull(minTradeUsd, "minTradeUsd");
    validate(holdings, prices, cash, targetWeights, driftBand, minTradeUsd, feeBps);
    BigDecimal feeRate = BigDecimal.valueOf(feeBps).movePointLeft(4);

    TreeSet<AssetId> assets = new TreeSet<>(holdings.keySet());
    assets.addAll(targetWeights.keySet());
    Map<AssetId, BigDecimal> after = new HashMap<>();
    BigDecimal value = cash;
    for (AssetId a : assets) {
      BigDecimal q = holdings.getOrDefault(a, BigDecimal.ZERO);
      after.put(a, q);
      value = value.add(q.multiply(prices.get(a)));
    }
    Map<AssetId, Double> weightsBefore = weights(assets, after, prices, value);
    if (value.signum() == 0) {
      return new RebalancePlan(
          List.of(), nonZero(after), cash, BigDecimal.ZERO, weightsBefore, weightsBefore);
    }

    List<Order> sells = new ArrayList<>();
    Map<AssetId, BigDecimal> buyWishes = new HashMap<>();
    for (AssetId a : assets) {
      BigDecimal q = after.get(a);
      BigDecimal p = prices.get(a);
      double target = targetWeights.getOrDefault(a, 0.0);
      BigDecimal current = q.multiply(p);
      if (target == 0) {
        if (q.signum() > 0 && current.compareTo(minTradeUsd) >= 0) {
          sells.add(order(a, Side.SELL, q, p, feeRate));
        }
        continue;
      }
      if (Math.abs(weightsBefore.get(a) - target) <= driftBand) {
        continue;
      }
      // valueOf: the double's shortest decimal (17 digits at most), not its exact binary
      // expansion (up to ~50 digits), which made every later product and sum slower for nothing.
      BigDecimal delta = value.multiply(BigDecimal.valueOf(target)).subtract(current);
      if (delta.abs().compareTo(minTradeUsd) < 0 || delta.signum() == 0) {
        continue;
      }
      if (delta.signum() < 0) {
        BigDecimal quantity =
            delta.negate().divide(p, QUANTITY_SCALE, RoundingMode.DOWN).min(q);
        if (quantity.signum() > 0) {
          sells.add(order(a, Side.SELL, quantity, p, feeRate));
        }
      } else {
        buyWishes.put(a, delta);
      }
    }

    BigDecimal cashAfter = cash;
    BigDecimal fees = BigDecimal.ZERO;
    List<Order> orders = new ArrayList<>(sells);
    for (Order o : sells) {
      after.put(o.asset(), after.get(o.asset()).subtract(o.quantity()));
      cashAfter = cashAfter.add(o.notionalUsd()).subtract(o.feeUsd());
      fees = fees.add(o.feeUsd());
    }

    // Scale the buys down together if cash cannot pay for them and their fees.
    BigDecimal onePlusFee = BigDecimal.ONE.add(feeRate);
    BigDecimal cost = BigDecimal.ZERO;
    for (BigDecimal wish : buyWishes.values()) {
      cost = cost.add(wish.multiply(onePlusFee));
    }
    BigDecimal factor = BigDecimal.ONE;
    if (cost.compareTo(cashAfter) > 0) {
      factor = cashAfter.signum() <= 0 ? BigDecimal.ZERO : cashAfter.divide(cost, FACTOR);
    }
    for (AssetId a : assets) {
      BigDecimal wish = buyWishes.get(a);
      if (wish == null) {
        continue;
      }
      BigDecimal notional = wish.multiply(factor);
      if (notional.compareTo(minTradeUsd) < 0) {
        continue; // only when scaled down: unscaled wishes passed the check above
      }
      BigDecimal p = prices.get(a);
      BigDecimal quantity = notional.divide(p, QUANTITY_SCALE, RoundingMode.DOWN);
      if (quantity.signum() == 0) {
        continue;
      }
      Order o = order(a, Side.BUY, quantity, p, feeRate);
      orders.add(o);
      after.put(a, after.get(a).add(quantity));
      cashAfter = cashAfter.subtract(o.notionalUsd()).subtract(o.feeUsd());
      fees = fees.add(o.feeUsd());
    }
    if (cashAfter.signum() < 0) {
      throw new IllegalStateException("cash went negative: " + cashAfter.toPlainString());
    }
    if (orders.isEmpty()) {
      // Same quantities, prices and cash: the same sums, so the same weights, exactly.
      return new RebalancePlan(orders, nonZero(after), cashAfter, fees, weightsBefore,
          weightsBefore);
    }
    if (!weighAfter) {
      return new RebalancePlan(orders, nonZero(after), cashAfter, fees, weightsBefore, Map.of());
    }
    BigDecimal valueAfter = cashAfter;
    for (AssetId a : assets) {
      valueAfter = valueAfter.add(after.get(a).multiply(prices.get(a)));
    }
    return new RebalancePlan(
        orders,
        nonZero(after),
        cashAfter,
        fees,
        weightsBefore,
        weights(assets, after, prices, valueAfter));
  }

  private static Order order(
      AssetId asset, Side side, BigDecimal quantity, BigDecimal price, BigDecimal feeRate) {
    BigDecimal notional = quantity.multiply(price);
    return new Order(asset, side, quantity, price, notional, notional.multiply(feeRate));
  }

  private static Map<AssetId, Double> weights(
      TreeSet<AssetId> assets,
      Map<AssetId, BigDecimal> quantities,
      Map<AssetId, BigDecimal> prices,
      BigDecimal value) {
    Map<AssetId, Double> out = new HashMap<>();
    for (AssetId a : assets) {
      BigDecimal v = quantities.get(a).multiply(prices.get(a));
      out.put(a, value.signum() == 0 ? 0.0
          : Decimals.toDouble(v.divide(value, MathContext.DECIMAL64)));
    }
    return out;
  }

  private static Map<AssetId, BigDecimal> nonZero(Map<AssetId, BigDecimal> quantities) {
    Map<AssetId, BigDecimal> out = new HashMap<>();
    quantities.forEach((a, q) -> {
      if (q.signum() != 0) {
        out.put(a, q);
      }
    });
    return out;
  }

  /**
   * Whether {@link #plan} would certainly leave everything as it is, judged in {@code double}s:
   * every asset to keep within its drift band or less than the minimum trade from its target,
   * every asset to remove worth less than the minimum trade, with margins (a billionth of a
   * weight, a billionth of the value in dollars) far wider than the rounding of doubles. When
   * this returns true, {@code plan} on the same portfolio returns no orders, the same holdings
   * and cash and no fees; when false, call {@code plan} (near a threshold, or on input it would
   * reject, this does not decide). Most weekly rebalances of a banded index trade nothing; this
   * spares them the exact {@code BigDecimal} valuation.
   *
   * @param quantities units held of each asset held or targeted, 0 for one only targeted (the
   *     double nearest the exact quantity)
   * @param prices its price, the double the exact price was made from ({@code BigDecimal.valueOf})
   * @param targets its target weight, 0 for one held and not targeted
   * @param n how many of the arrays' entries to read
   * @param cash USD available (the double nearest it)
   */
  public static boolean certainlyNothingToTrade(double[] quantities, double[] prices,
      double[] targets, int n, double cash, double driftBand, double minTradeUsd, double feeBps) {
    if (!(driftBand >= 0 && driftBand < 1) || !(minTradeUsd >= 0) || !(cash >= 0)
        || !(feeBps >= 0 && feeBps <= MAX_FEE_BPS)) {
      return false; // plan throws
    }
    double value = cash;
    double targetSum = 0;
    for (int k = 0; k < n; k++) {
      double t = targets[k];
      if (!(quantities[k] >= 0) || !(prices[k] > 0) || Double.isInfinite(prices[k])
          || !(t >= 0 && t <= 1)) {
        return false; // plan throws
      }
      value += quantities[k] * prices[k];
      targetSum += t;
    }
    // plan sums in another order: stay clear of its limit by more than the rounding.
    if (targetSum > 1 + WEIGHT_SUM_TOLERANCE - 1e-12 || !(value > 0)
        || Double.isInfinite(value)) {
      return false;
    }
    // Doubles of the exact quantities and prices, summed: relative errors ~1e-15, far below.
    double weightMargin = 1e-9;
    double usdMargin = 1e-9 * (value + 1);
    for (int k = 0; k < n; k++) {
      double current = quantities[k] * prices[k];
      double t = targets[k];
      if (t == 0) {
        if (quantities[k] > 0 && !(current < minTradeUsd - usdMargin)) {
          return false; // would sell it
        }
        continue;
      }
      if (Math.abs(current / value - t) <= driftBand - weightMargin) {
        continue; // within the band
      }
      if (!(Math.abs(value * t - current) < minTradeUsd - usdMargin)) {
        return false; // would trade it
      }
    }
    return true;
  }

  private static void validate(
      Map<AssetId, BigDecimal> holdings,
      Map<AssetId, BigDecimal> prices,
      BigDecimal cash,
      Map<AssetId, Double> targets,
      double driftBand,
      BigDecimal minTradeUsd,
      double feeBps) {
    if (cash.signum() < 0) {
      throw new IllegalArgumentException("cash must not be negative, was " + cash.toPlainString());
    }
    holdings.forEach((a, q) -> {
      if (q == null || q.signum() < 0) {
        throw new IllegalArgumentException(
            "holdings of " + a + " must not be negative, was " + (q == null ? null
                : q.toPlainString()));
      }
      requirePrice(prices, a);
    });
    double sum = 0;
    for (Map.Entry<AssetId, Double> e : targets.entrySet()) {
      Double t = e.getValue();
      if (t == null || !(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException(
            "targetWeights of " + e.getKey() + " must be in [0, 1], was " + t);
      }
      sum += t;
      requirePrice(prices, e.getKey());
    }
    if (sum > 1 + WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("targetWeights must sum to at most 1, was " + sum);
    }
    if (!(driftBand >= 0 && driftBand < 1)) {
      throw new IllegalArgumentException("driftBand must be in [0, 1), was " + driftBand);
    }
    if (minTradeUsd.signum() < 0) {
      throw new IllegalArgumentException(
          "minTradeUsd must not be negative, was " + minTradeUsd.toPlainString());
    }
    if (!(feeBps >= 0 && feeBps <= MAX_FEE_BPS)) {
      throw new IllegalArgumentException(
          "feeBps must be in [0, " + (int) MAX_FEE_BPS + "], was " + feeBps);
    }
  }

  private static void requirePrice(Map<AssetId, BigDecimal> prices, AssetId asset) {
    BigDecimal p = prices.get(asset);
    if (p == null || p.signum() <= 0) {
      throw new IllegalArgumentException(
          "prices must hold a positive price of " + asset + ", was "
              + (p == null ? "missing" : p.toPlainString()));
    }
  }
}
