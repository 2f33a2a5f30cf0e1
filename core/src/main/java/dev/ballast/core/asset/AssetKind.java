package dev.ballast.core.asset;

import java.util.Locale;

/** Whether an asset floats freely or is designed to hold a peg. */
public enum AssetKind {
  COIN,
  STABLECOIN;

  /**
   * Reads {@code coin} or {@code stablecoin} in any case.
   *
   * @throws IllegalArgumentException listing the allowed values
   */
  public static AssetKind parse(String text) {
    if (text != null) {
      String key = text.strip().toUpperCase(Locale.ROOT);
      for (AssetKind kind : values()) {
        if (kind.name().equals(key)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException(
        "kind must be coin or stablecoin, was " + (text == null ? "null" : '"' + text + '"'));
  }
}
