package dev.ballast.rebalancer.index;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who may enter the risk sleeve of an index. Stablecoins never may (that is not a setting: they
 * belong to the regime overlay's stablecoin sleeve). Thresholds are in USD as {@code double},
 * because they are compared with the panel's {@code double} market data, not stored as balances.
 *
 * <p>Each liquidity threshold has a lower one for current members, so that an asset hovering
 * around the line does not enter and leave on alternate rebalances (S&amp;P Broad Digital Market:
 * $10M cap with an $8M buffer, $100k median daily value traded with an $80k buffer). Immutable and
 * thread-safe.
 *
 * @param minMarketCapUsd market cap a newcomer needs on the rebalance day
 * @param memberMinMarketCapUsd market cap a current member needs to stay, at most the above
 * @param minMedianDailyVolumeUsd median daily USD volume over {@code volumeWindowDays} for a
 *     newcomer
 * @param memberMinMedianDailyVolumeUsd the same for a current member, at most the above
 * @param volumeWindowDays calendar days, ending on the rebalance day, of the volume median
 * @param minHistoryDays calendar days from an asset's first close to the rebalance day, inclusive
 * @param minInvestorGrade investor grade (0-100) an asset needs, or null for no grade rule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniverseRules(
    double minMarketCapUsd,
    double memberMinMarketCapUsd,
    double minMedianDailyVolumeUsd,
    double memberMinMedianDailyVolumeUsd,
    int volumeWindowDays,
    int minHistoryDays,
    Double minInvestorGrade) {

  public UniverseRules {
    requireNonNegative("universe.minMarketCapUsd", minMarketCapUsd);
    requireNonNegative("universe.memberMinMarketCapUsd", memberMinMarketCapUsd);
    requireNonNegative("universe.minMedianDailyVolumeUsd", minMedianDailyVolumeUsd);
    requireNonNegative("universe.memberMinMedianDailyVolumeUsd", memberMinMedianDailyVolumeUsd);
    if (memberMinMarketCapUsd > minMarketCapUsd) {
      throw new IllegalArgumentException(
          "universe.memberMinMarketCapUsd is a buffer and must not exceed"
              + " universe.minMarketCapUsd (" + minMarketCapUsd + "), was "
              + memberMinMarketCapUsd);
    }
    if (memberMinMedianDailyVolumeUsd > minMedianDailyVolumeUsd) {
      throw new IllegalArgumentException(
          "universe.memberMinMedianDailyVolumeUsd is a buffer and must not exceed"
              + " universe.minMedianDailyVolumeUsd (" + minMedianDailyVolumeUsd + "), was "
              + memberMinMedianDailyVolumeUsd);
    }
    if (volumeWindowDays < 1 || volumeWindowDays > 3660) {
      throw new IllegalArgumentException(
          "universe.volumeWindowDays must be in [1, 3660], was " + volumeWindowDays);
    }
    if (minHistoryDays < 0 || minHistoryDays > 3660) {
      throw new IllegalArgumentException(
          "universe.minHistoryDays must be in [0, 3660], was " + minHistoryDays);
    }
    if (minInvestorGrade != null && !(minInvestorGrade >= 0 && minInvestorGrade <= 100)) {
      throw new IllegalArgumentException(
          "universe.minInvestorGrade must be in [0, 100] or absent, was " + minInvestorGrade);
    }
  }

  /**
   * S&amp;P Broad Digital Market thresholds ($10M / $8M cap, $100k / $80k median daily volume
   * over 30 days), 90 days of history, no grade rule.
   */
  public static UniverseRules broadMarketDefaults() {
    return new UniverseRules(10_000_000, 8_000_000, 100_000, 80_000, 30, 90, null);
  }

  private static void requireNonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a non-negative finite number, was " + value);
    }
  }
}
