package dev.ballast.rebalancer.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Why the overlay was in its regime on one day: the regime held and its stablecoin fraction, the
 * raw regime the day's score pointed to (before hysteresis), and each signal's value and vote.
 * Values that could not be computed (warm-up, no grades) are {@code NaN} and their vote is 0; the
 * notes say which and why. For storage and {@code GET /v1/market/regime}. Immutable and
 * thread-safe.
 *
 * @param indexLevel the cap-weighted coin index, 1.0 on the panel's first day
 * @param volatility annualised realised volatility of the index's daily log returns (0.6 = 60%)
 * @param volPercentile today's volatility ranked against its own recent history, 0..1
 * @param volVote −1 stressed, 0, +1 calm
 * @param maShort the short simple moving average of the index level
 * @param maLong the long simple moving average of the index level
 * @param trendVote +1 up, 0 unconfirmed, −1 down
 * @param breadth share (0..1) of graded coins with a trader grade above the settings' level
 * @param breadthCoins how many coins had a trader grade that day
 * @param breadthVote +1 broad strength, 0, −1 broad weakness
 * @param score the sum of the three votes, −3..+3
 * @param notes warm-up and missing-data remarks; empty when every signal voted on full data
 */
public record RegimeEvidence(
    LocalDate date,
    Regime regime,
    double stablecoinFraction,
    Regime rawRegime,
    int score,
    double indexLevel,
    double volatility,
    double volPercentile,
    int volVote,
    double maShort,
    double maLong,
    int trendVote,
    double breadth,
    int breadthCoins,
    int breadthVote,
    List<String> notes) {

  public RegimeEvidence {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(rawRegime, "rawRegime");
    notes = List.copyOf(notes);
    if (!(stablecoinFraction >= 0 && stablecoinFraction <= 1)) {
      throw new IllegalArgumentException(
          "stablecoinFraction must be in [0, 1], was " + stablecoinFraction);
    }
    requireVote("volVote", volVote);
    requireVote("trendVote", trendVote);
    requireVote("breadthVote", breadthVote);
    if (score != volVote + trendVote + breadthVote) {
      throw new IllegalArgumentException(
          "score must be the sum of the votes " + (volVote + trendVote + breadthVote) + ", was "
              + score);
    }
    if (breadthCoins < 0) {
      throw new IllegalArgumentException("breadthCoins must not be negative, was " + breadthCoins);
    }
  }

  /** Whether some signal could not vote for lack of data. */
  public boolean warmingUp() {
    return !notes.isEmpty();
  }

  private static void requireVote(String field, int vote) {
    if (vote < -1 || vote > 1) {
      throw new IllegalArgumentException(field + " must be -1, 0 or 1, was " + vote);
    }
  }
}
