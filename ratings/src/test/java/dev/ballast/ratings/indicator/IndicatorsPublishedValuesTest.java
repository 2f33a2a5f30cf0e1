package dev.ballast.ratings.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * Indicators against the worked examples their authorities publish. Each table under {@code
 * src/test/resources/dev/ballast/ratings/indicator} names its source; the expected values were
 * checked by an independent recomputation before being pinned here. Tolerances are half a unit of
 * the last published decimal, so the only slack is the source's own rounding, and the warm-up
 * (where the source leaves cells blank) must match exactly.
 */
class IndicatorsPublishedValuesTest {

  private static final double HALF_A_CENT = 0.005 + 1e-12;

  @Test
  void smaMatchesStockChartsMovingAverageExample() {
    ReferenceCsv table = ReferenceCsv.load("sma_ema_10.csv");

    assertMatches(Indicators.sma(table.column("close"), 10), table.column("sma_10"), HALF_A_CENT);
  }

  @Test
  void emaMatchesStockChartsMovingAverageExample() {
    ReferenceCsv table = ReferenceCsv.load("sma_ema_10.csv");

    assertMatches(Indicators.ema(table.column("close"), 10), table.column("ema_10"), HALF_A_CENT);
  }

  @Test
  void rsiMatchesWildersExampleAsReproducedByStockCharts() {
    ReferenceCsv table = ReferenceCsv.load("rsi_14.csv");

    double[] rsi = Indicators.rsi(table.column("close"), 14);

    assertMatches(rsi, table.column("rsi_14"), HALF_A_CENT);
    assertThat(rsi[14]).isCloseTo(70.53, offset(HALF_A_CENT));
  }

  @Test
  void atrMatchesStockChartsExample() {
    ReferenceCsv table = ReferenceCsv.load("atr_14.csv");

    double[] atr =
        Indicators.atr(table.column("high"), table.column("low"), table.column("close"), 14);

    assertMatches(atr, table.column("atr_14"), 5e-7);
  }

  @Test
  void bollingerPercentBMatchesStockChartsBands() {
    ReferenceCsv table = ReferenceCsv.load("bollinger_20_2.csv");
    double[] close = table.column("close");
    double[] upper = table.column("upper");
    double[] lower = table.column("lower");
    double[] expected = new double[close.length];
    for (int i = 0; i < close.length; i++) {
      expected[i] = (close[i] - lower[i]) / (upper[i] - lower[i]);
    }

    // Bands published to 6 decimals and about 4 apart bound %B's rounding near 1e-6.
    assertMatches(Indicators.bollingerPercentB(close, 20, 2), expected, 1e-6);
  }

  private static void assertMatches(double[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(actual[i]).as("warm-up value at index %d", i).isNaN();
      } else {
        assertThat(Math.abs(actual[i] - expected[i]))
            .as("index %d: %s vs published %s", i, actual[i], expected[i])
            .isLessThanOrEqualTo(tolerance);
      }
    }
  }
}
