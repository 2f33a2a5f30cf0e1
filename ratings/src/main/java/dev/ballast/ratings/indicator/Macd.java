package dev.ballast.ratings.indicator;

/**
 * The three MACD series, index-aligned with the closes they came from, in price units.
 *
 * <p>The arrays are shared, not copied, because indicator maths passes them between stages without
 * ceremony: treat them as read-only.
 *
 * @param line fast EMA minus slow EMA
 * @param signal EMA of {@code line}
 * @param histogram {@code line - signal}
 */
public record Macd(double[] line, double[] signal, double[] histogram) {

  public Macd {
    if (line.length != signal.length || line.length != histogram.length) {
      throw new IllegalArgumentException(
          "MACD series must have equal lengths, were "
              + line.length
              + ", "
              + signal.length
              + ", "
              + histogram.length);
    }
  }
}
