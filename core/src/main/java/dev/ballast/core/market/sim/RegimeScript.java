package dev.ballast.core.market.sim;

import static dev.ballast.core.market.sim.Regime.BEAR;
import static dev.ballast.core.market.sim.Regime.BULL;
import static dev.ballast.core.market.sim.Regime.CALM;
import static dev.ballast.core.market.sim.Regime.CRASH;

/**
 * The regime path: a fixed script, not a Markov chain, so that every seed shows the same story (a
 * long bull market, two bear markets with crashes in them, a recovery and a long chop) and tests
 * can rely on it. The seed changes only the noise around it.
 *
 * <p>The script is one seven-year cycle laid from the first simulated day; a longer simulation
 * repeats it, a shorter one stops part way. The dates in the comments are those of the default
 * start, 2019-01-01.
 */
final class RegimeScript {

  private static final Regime[] REGIMES = {
    CALM, // 2019-01-01 .. 2019-03-31  quiet start
    BULL, // 2019-04-01 .. 2019-06-30  short spring rally
    BEAR, // 2019-07-01 .. 2020-03-04  slow decline ...
    CRASH, // 2020-03-05 .. 2020-03-12  ... ending in a panic
    BULL, // 2020-03-13 .. 2021-11-09  the long bull market
    BEAR, // 2021-11-10 .. 2022-05-08  the big bear market ...
    CRASH, // 2022-05-09 .. 2022-05-16  ... with a crash as the algorithmic stablecoin dies
    BEAR, // 2022-05-17 .. 2022-12-31  ... grinding on to its low
    CALM, // 2023-01-01 .. 2023-06-30  recovery base
    BULL, // 2023-07-01 .. 2024-03-31  second, shorter bull market
    CALM, // 2024-04-01 .. 2025-12-31  long chop
  };

  private static final int[] DAYS = {90, 91, 248, 8, 607, 180, 8, 229, 181, 275, 640};

  /** One pass of the script: 2557 days, exactly the default 2019-2025 range. */
  static final int CYCLE_DAYS = sum(DAYS);

  private RegimeScript() {}

  /** The regime of each of {@code days} days from the first simulated day. */
  static Regime[] path(int days) {
    Regime[] path = new Regime[days];
    int day = 0;
    while (day < days) {
      for (int s = 0; s < REGIMES.length && day < days; s++) {
        for (int d = 0; d < DAYS[s] && day < days; d++) {
          path[day++] = REGIMES[s];
        }
      }
    }
    return path;
  }

  private static int sum(int[] values) {
    int sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }
}
