package dev.ballast.core.asset;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What stands behind a stablecoin's peg. It decides how much a peg can be trusted: fiat and
 * commodity reserves can be redeemed, crypto collateral can be liquidated in a crash, and an
 * algorithmic peg rests on confidence alone (UST, 2022).
 */
public enum Collateral {
  FIAT_BACKED("fiat-backed", "fiat"),
  CRYPTO_BACKED("crypto-backed", "crypto"),
  ALGORITHMIC("algorithmic", "algorithmic"),
  COMMODITY_BACKED("commodity-backed", "commodity");

  private final String label;
  private final String shortName;

  Collateral(String label, String shortName) {
    this.label = label;
    this.shortName = shortName;
  }

  /** The lower-case form used in files and on the command line: {@code fiat-backed}. */
  public String label() {
    return label;
  }

  /**
   * Reads {@code fiat-backed}, {@code FIAT_BACKED}, {@code Fiat backed} or {@code fiat} (any
   * case), and the same forms of the other values.
   *
   * @throws IllegalArgumentException listing the allowed values
   */
  public static Collateral parse(String text) {
    if (text != null) {
      String key = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
      for (Collateral c : values()) {
        if (key.equals(c.label) || key.equals(c.shortName)) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException("collateral must be one of "
        + Arrays.stream(values()).map(Collateral::label).collect(Collectors.joining(", "))
        + " (or FIAT_BACKED, fiat, ...), was " + (text == null ? "null" : '"' + text + '"'));
  }
}
