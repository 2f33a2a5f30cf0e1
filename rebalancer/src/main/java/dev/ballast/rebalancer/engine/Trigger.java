package dev.ballast.rebalancer.engine;

/** Why a rebalance happened. */
public enum Trigger {
  /** The index's calendar ({@code rebalanceCron}) fired, or the index started (inception). */
  SCHEDULED,
  /** Between scheduled dates: a held stablecoin depegged, or the overlay's fraction changed. */
  OFF_CYCLE,
  /** A person asked for it. */
  MANUAL
}
