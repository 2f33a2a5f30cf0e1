package dev.ballast.rebalancer.index;

/**
 * Weight caps, as fractions of the risk sleeve: the asset with the largest raw weight may hold up
 * to {@code largestCap}, every other asset up to {@code otherCap} (CoinDesk 20: 0.30 and 0.20).
 * Excess weight is redistributed iteratively; caps that cannot add up to 1 are an error, never a
 * silent violation. Immutable and thread-safe.
 */
public record Caps(double largestCap, double otherCap) {

  public Caps {
    requireFraction("caps.largestCap", largestCap);
    requireFraction("caps.otherCap", otherCap);
    if (otherCap > largestCap) {
      throw new IllegalArgumentException(
          "caps.otherCap must not exceed caps.largestCap (" + largestCap + "), was " + otherCap);
    }
  }

  /** No cap at all. */
  public static Caps none() {
    return new Caps(1, 1);
  }

  /** The most {@code n} assets can hold together under these caps. */
  public double capacity(int n) {
    return n == 0 ? 0 : largestCap + (n - 1) * otherCap;
  }

  /** Whether {@code n} assets can be weighted to a sum of 1 under these caps. */
  public boolean feasibleFor(int n) {
    return capacity(n) >= 1 - CapRedistribution.TOLERANCE;
  }

  private static void requireFraction(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1], was " + value);
    }
  }
}
