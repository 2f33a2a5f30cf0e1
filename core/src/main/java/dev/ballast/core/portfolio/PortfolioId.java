package dev.ballast.core.portfolio;

/**
 * The identity of a portfolio: the database's positive id. Immutable and thread-safe.
 */
public record PortfolioId(long value) implements Comparable<PortfolioId> {

  public PortfolioId {
    if (value <= 0) {
      throw new IllegalArgumentException("portfolio id must be positive, was " + value);
    }
  }

  public static PortfolioId of(long value) {
    return new PortfolioId(value);
  }

  /**
   * Parses an id as written in a URL.
   *
   * @throws IllegalArgumentException naming the text if it is not a positive whole number
   */
  public static PortfolioId parse(String text) {
    if (text != null && text.length() <= 19 && text.matches("[0-9]+")) {
      try {
        long id = Long.parseLong(text);
        if (id > 0) {
          return new PortfolioId(id);
        }
      } catch (NumberFormatException e) {
        // answered below
      }
    }
    throw new IllegalArgumentException("portfolio id must be a positive whole number, was "
        + Amounts.quote(text));
  }

  @Override
  public int compareTo(PortfolioId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
