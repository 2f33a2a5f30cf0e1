package dev.ballast.ratings.peg;

/**
 * How well a stablecoin holds its peg on one day; the rules are in {@link PegThresholds} and {@code
 * docs/methodology.md}. Ordered from healthy to broken, so that {@code compareTo}
 * ranks severity ({@link #UNKNOWN} sorts last but is no severity: test for it first).
 */
public enum PegStatus {
  /** Within the watch band against every reference there is. */
  ON_PEG,
  /** Off by the watch band (close or intraday) against both references: keep an eye on it. */
  WATCH,
  /** Off by the depeg band, or off-peg on too many recent days: the peg is not being held. */
  DEPEG,
  /**
   * The data cannot judge the peg: a peg with no price of its own in the bars (gold, XAU) and too
   * few other stablecoins of that peg to tell which one moved.
   */
  UNKNOWN;

  /** Whether a stablecoin sleeve may hold the coin on peg grounds alone. */
  public boolean isHealthy() {
    return this == ON_PEG;
  }
}
