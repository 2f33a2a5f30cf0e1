package dev.ballast.core.asset;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity of an asset: its ticker symbol, upper case ({@code BTC}, {@code USDC}).
 *
 * <p>Ballast keys every asset by symbol, so two assets may not share one. Symbols are
 * normalised to upper case on the way in, so {@code "btc"} and {@code "BTC"} are the same id.
 * Immutable and thread-safe.
 */
public record AssetId(String symbol) implements Comparable<AssetId> {

  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,19}");

  public AssetId {
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw new IllegalArgumentException(
          "symbol must be 1-20 characters of A-Z, 0-9, '.', '_' or '-', starting with a letter"
              + " or digit, was " + quote(symbol));
    }
  }

  /** Parses a symbol in any case, trimming surrounding blanks. */
  public static AssetId of(String symbol) {
    if (symbol == null) {
      throw new IllegalArgumentException("symbol must not be null");
    }
    return new AssetId(symbol.strip().toUpperCase(Locale.ROOT));
  }

  @Override
  public int compareTo(AssetId other) {
    return symbol.compareTo(other.symbol);
  }

  @Override
  public String toString() {
    return symbol;
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
  }
}
