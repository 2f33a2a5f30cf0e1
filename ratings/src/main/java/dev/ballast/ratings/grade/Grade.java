package dev.ballast.ratings.grade;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The grades of one asset on one day, with the factor breakdown that explains them. Built on
 * demand by {@link GradeMatrix}; the bulk figures stay primitive there. Immutable and thread-safe.
 *
 * @param traderGrade 0–100, NaN when none: stablecoins have none, nor coins lacking the history
 * @param investorGrade 0–100, NaN when none; for a stablecoin, its stablecoin investor grade
 * @param zone the zone of the trader grade, null when there is none
 * @param traderBreakdown every trader factor, in {@link Factor} order; empty for a stablecoin
 * @param investorBreakdown every investor factor (stablecoin factors for a stablecoin)
 */
public record Grade(
    AssetId asset,
    LocalDate date,
    double traderGrade,
    double investorGrade,
    TraderZone zone,
    Recommendation recommendation,
    List<FactorScore> traderBreakdown,
    List<FactorScore> investorBreakdown) {

  public Grade {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(date, "date");
    requireGrade("traderGrade", traderGrade);
    requireGrade("investorGrade", investorGrade);
    if (zone != (Double.isNaN(traderGrade) ? null : TraderZone.of(traderGrade))) {
      throw new IllegalArgumentException(
          "zone " + zone + " does not match trader grade " + traderGrade + " of " + asset);
    }
    Objects.requireNonNull(recommendation, "recommendation");
    traderBreakdown = List.copyOf(traderBreakdown);
    investorBreakdown = List.copyOf(investorBreakdown);
  }

  public boolean hasTraderGrade() {
    return !Double.isNaN(traderGrade);
  }

  public boolean hasInvestorGrade() {
    return !Double.isNaN(investorGrade);
  }

  private static void requireGrade(String name, double value) {
    if (!(Double.isNaN(value) || (value >= 0 && value <= 100))) {
      throw new IllegalArgumentException(name + " must be NaN or in [0, 100], was " + value);
    }
  }
}
