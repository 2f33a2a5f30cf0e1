package dev.ballast.rebalancer.engine;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a portfolio holds: quantities of assets (units, {@code BigDecimal}, as orders produce them)
 * and USD cash. Quantities of zero are dropped; the map is sorted by symbol, so that its JSON and
 * its iteration order are the same on every run. Immutable and thread-safe.
 */
public record Holdings(Map<AssetId, BigDecimal> quantities, BigDecimal cash) {

  public Holdings {
    Objects.requireNonNull(quantities, "quantities");
    Objects.requireNonNull(cash, "cash");
    if (cash.signum() < 0) {
      throw new IllegalArgumentException("cash must not be negative, was " + cash.toPlainString());
    }
    TreeMap<AssetId, BigDecimal> sorted = new TreeMap<>();
    quantities.forEach((asset, q) -> {
      Objects.requireNonNull(asset, "asset");
      if (q == null || q.signum() < 0) {
        throw new IllegalArgumentException("quantity of " + asset + " must not be negative, was "
            + (q == null ? null : q.toPlainString()));
      }
      if (q.signum() > 0) {
        sorted.put(asset, q);
      }
    });
    quantities = Collections.unmodifiableSortedMap(sorted);
  }

  /** Only cash: where a new index or a backtest starts. */
  public static Holdings cash(BigDecimal usd) {
    return new Holdings(Map.of(), usd);
  }

  /** The quantity held of {@code asset}, zero when none. */
  public BigDecimal quantity(AssetId asset) {
    return quantities.getOrDefault(asset, BigDecimal.ZERO);
  }

  /**
   * The USD value on panel day {@code day}: cash plus every quantity at that day's close, or at
   * the asset's last close before it when the day has no bar (a gap in the feed, or an asset whose
   * data ended: it is worth what it last traded at, the only price there is).
   *
   * @throws IllegalArgumentException if the day is outside the panel, or a held asset is not in
   *     the panel or has no close up to the day
   */
  public BigDecimal value(MarketPanel panel, int day) {
    Objects.requireNonNull(panel, "panel");
    panel.requireDay(day);
    BigDecimal value = cash;
    for (Map.Entry<AssetId, BigDecimal> e : quantities.entrySet()) {
      int a = panel.indexOf(e.getKey());
      if (a < 0) {
        throw new IllegalArgumentException("held asset " + e.getKey() + " is not in the panel");
      }
      double[] close = panel.closes(a);
      double price = Double.NaN;
      for (int d = day; d >= 0 && Double.isNaN(price); d--) {
        price = close[d];
      }
      if (Double.isNaN(price)) {
        throw new IllegalArgumentException(
            "held asset " + e.getKey() + " has no close up to " + panel.date(day));
      }
      value = value.add(e.getValue().multiply(BigDecimal.valueOf(price)));
    }
    return value;
  }
}
