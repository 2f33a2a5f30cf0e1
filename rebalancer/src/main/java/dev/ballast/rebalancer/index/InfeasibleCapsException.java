package dev.ballast.rebalancer.index;

/**
 * Caps that cannot add up to a fully invested sleeve: {@code n} assets with caps summing below 1.
 * Thrown instead of silently breaking a cap or leaving weight unallocated.
 */
public final class InfeasibleCapsException extends IllegalArgumentException {

  private final int assets;
  private final double capacity;

  InfeasibleCapsException(int assets, Caps caps) {
    super(
        "caps are infeasible for "
            + assets
            + " asset(s): largestCap "
            + caps.largestCap()
            + " + "
            + Math.max(0, assets - 1)
            + " × otherCap "
            + caps.otherCap()
            + " = "
            + caps.capacity(assets)
            + " < 1");
    this.assets = assets;
    this.capacity = caps.capacity(assets);
  }

  /** The number of assets that had to share the weight. */
  public int assets() {
    return assets;
  }

  /** The most they could hold together, below 1. */
  public double capacity() {
    return capacity;
  }
}
