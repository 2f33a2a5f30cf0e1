package dev.ballast.ratings.peg;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One stablecoin's peg health on one day, judged on data up to and including that day only.
 * Deviations are signed fractions ({@code -0.034} is 3.4% below); NaN where a reference is missing.
 * The object view of one row of a {@link PegHistory}. Immutable and thread-safe.
 *
 * @param price the day's close in USD
 * @param deviation {@code price / target - 1}; NaN for a peg with no USD target (gold)
 * @param consensusDeviation {@code price / consensus - 1}, where the consensus is the cap-weighted
 *     median close of the other stablecoins of the same peg that day; NaN if there is none
 * @param worstDeviation7d the signed deviation of largest magnitude over the last 7 calendar days,
 *     from closes and, where the source has them, daily lows and highs; against the target, or the
 *     consensus for a peg with no target
 * @param meanAbsDeviation7d the mean of the closes' absolute deviations over the last 7 days
 * @param daysOffPeg30d days in the last 30 that were WATCH or worse on their own day's prices
 * @param liquidityWarning the coin looks like it is being wound down or is thinly traded (market
 *     cap fell fast, or volume is a sliver of the cap); separate from {@code status}, which is
 *     about price alone; a sleeve wants both clean, see {@link #isHealthy()}
 * @param reasons why the status is what it is, in plain words, most severe first; empty when on peg
 *     with nothing to remark
 */
public record PegHealth(
    AssetId asset,
    LocalDate date,
    double price,
    double deviation,
    double consensusDeviation,
    double worstDeviation7d,
    double meanAbsDeviation7d,
    double worstDeviation30d,
    double meanAbsDeviation30d,
    int daysOffPeg30d,
    PegStatus status,
    boolean liquidityWarning,
    List<String> reasons) {

  public PegHealth {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(status, "status");
    if (!(price > 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException(
          "price must be positive and finite, was " + price + " for " + asset + " on " + date);
    }
    if (daysOffPeg30d < 0 || daysOffPeg30d > 30) {
      throw new IllegalArgumentException("daysOffPeg30d must be in [0, 30], was " + daysOffPeg30d);
    }
    reasons = List.copyOf(reasons);
  }

  /** On peg and no liquidity warning: what a stablecoin sleeve should ask before holding it. */
  public boolean isHealthy() {
    return status.isHealthy() && !liquidityWarning;
  }
}
