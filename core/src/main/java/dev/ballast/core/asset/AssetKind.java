package dev.ballast.core.asset;

/** Whether an asset floats freely or is designed to hold a peg. */
public enum AssetKind {
  COIN,
  STABLECOIN
}
