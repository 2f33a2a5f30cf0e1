package dev.ballast.core.asset;

/**
 * What stands behind a stablecoin's peg. It decides how much a peg can be trusted: fiat and
 * commodity reserves can be redeemed, crypto collateral can be liquidated in a crash, and an
 * algorithmic peg rests on confidence alone (UST, 2022).
 */
public enum Collateral {
  FIAT_BACKED,
  CRYPTO_BACKED,
  ALGORITHMIC,
  COMMODITY_BACKED
}
