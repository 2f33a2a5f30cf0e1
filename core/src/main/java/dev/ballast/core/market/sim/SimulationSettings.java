package dev.ballast.core.market.sim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to simulate: the random seed, the first and last day (both inclusive, UTC calendar days) and
 * how many free-floating coins besides the fixed set of stablecoins. The same settings always give
 * the same market, bit for bit. Immutable and thread-safe.
 *
 * @param seed the only source of randomness; change it for a different but equally shaped market
 * @param start the first simulated day
 * @param end the last simulated day, at least {@value #MIN_YEARS} years after {@code start} so that
 *     the scripted bull, bear and crash regimes and both stablecoin events fit
 * @param coins how many coins (not counting stablecoins), {@value #MIN_COINS} to {@value
 *     #MAX_COINS}
 */
public record SimulationSettings(long seed, LocalDate start, LocalDate end, int coins) {

  public static final int MIN_COINS = 10;

  /** Bounds memory and start-up time: each coin-year is about 365 × 8 doubles. */
  public static final int MAX_COINS = 500;

  public static final int MIN_YEARS = 2;
  public static final int MAX_YEARS = 30;

  public SimulationSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (coins < MIN_COINS || coins > MAX_COINS) {
      throw new IllegalArgumentException(
          "coins must be in [" + MIN_COINS + ", " + MAX_COINS + "], was " + coins);
    }
    if (end.isBefore(start.plusYears(MIN_YEARS).minusDays(1))) {
      throw new IllegalArgumentException(
          "the simulation must span at least "
              + MIN_YEARS
              + " years, was "
              + start
              + " to "
              + end
              + " ("
              + (ChronoUnit.DAYS.between(start, end) + 1)
              + " days)");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new IllegalArgumentException(
          "the simulation may span at most " + MAX_YEARS + " years, was " + start + " to " + end);
    }
  }

  /** Seed 42, 2019-01-01 to 2025-12-31, 60 coins: the market a fresh Ballast server loads. */
  public static SimulationSettings defaults() {
    return new SimulationSettings(42, LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31), 60);
  }

  public SimulationSettings withSeed(long newSeed) {
    return new SimulationSettings(newSeed, start, end, coins);
  }

  /** The number of simulated days, both ends included. */
  public int days() {
    return Math.toIntExact(end.toEpochDay() - start.toEpochDay() + 1);
  }
}
