package dev.ballast.rebalancer.order;

/** The direction of an order. */
public enum Side {
  BUY,
  SELL
}
