package dev.ballast.core.price;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC calendar day of trading in one asset: open, high, low and close in USD, volume
 * traded that day in USD, and market capitalisation at the close in USD.
 *
 * <p>Any field but the close may be missing, and <b>missing is {@code NaN}, never zero</b>: a
 * source that does not know a market cap says nothing about it being zero. Prices are {@code
 * double} because bars feed the statistics and indicator maths; balances and fills use {@code
 * BigDecimal} elsewhere. Immutable and thread-safe.
 */
public record DailyBar(
    AssetId asset,
    LocalDate date,
    double open,
    double high,
    double low,
    double close,
    double volume,
    double marketCap) {

  public DailyBar {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(date, "date");
    check(asset, date, open, high, low, close, volume, marketCap);
  }

  /** A bar of which only the close (and perhaps volume and market cap) is known. */
  public static DailyBar ofClose(
      AssetId asset, LocalDate date, double close, double volume, double marketCap) {
    return new DailyBar(asset, date, Double.NaN, Double.NaN, Double.NaN, close, volume, marketCap);
  }

  public boolean hasRange() {
    return !Double.isNaN(high) && !Double.isNaN(low);
  }

  /** The checks of a bar, shared with {@link PriceSeries.Builder}, which builds no bar object. */
  static void check(
      AssetId asset,
      LocalDate date,
      double open,
      double high,
      double low,
      double close,
      double volume,
      double marketCap) {
    if (!(close > 0) || Double.isInfinite(close)) {
      throw new IllegalArgumentException(
          "close must be a positive finite number, was " + close + " for " + asset + " on " + date);
    }
    requireMissingOrNonNegative("open", open, asset, date);
    requireMissingOrNonNegative("high", high, asset, date);
    requireMissingOrNonNegative("low", low, asset, date);
    requireMissingOrNonNegative("volume", volume, asset, date);
    requireMissingOrNonNegative("marketCap", marketCap, asset, date);
    if (high < low) {
      throw new IllegalArgumentException(
          "high " + high + " is below low " + low + " for " + asset + " on " + date);
    }
  }

  private static void requireMissingOrNonNegative(
      String field, double value, AssetId asset, LocalDate date) {
    if (value < 0 || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be missing (NaN) or a non-negative finite number, was " + value
              + " for " + asset + " on " + date);
    }
  }
}
