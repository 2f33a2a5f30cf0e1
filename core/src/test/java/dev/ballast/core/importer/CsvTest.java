package dev.ballast.core.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void fastNumberAgreesBitForBitWithParseDouble() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      String text = switch (i % 4) {
        case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15));
        case 1 -> randomDecimal(random);
        case 2 -> Long.toString(random.nextLong() >>> random.nextInt(64));
        default -> String.format(Locale.ROOT, "%.6e", random.nextDouble() * 1000);
      };
      assertSameAsParseDouble(text);
    }
  }

  @Test
  void fastNumberRoundsWideMantissasAndHalfwayCasesLikeParseDouble() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long wide = (1L << 53) + (random.nextLong() >>> 5); // 2^53 .. 2^59: 16-18 digits
      assertFastAndExact(wide + "e" + random.nextInt(23));
      assertFastAndExact(wide + "e-" + random.nextInt(23));
      // exact ties between two doubles: round half to even
      long between = (1L << 52) + (random.nextLong() >>> 12);
      assertFastAndExact(between + ".5");
      assertFastAndExact(between + ".50000000000000000".substring(0, 2 + random.nextInt(2)));
      long odd = ((1L << 53) + (random.nextLong() >>> 11)) | 1; // a tie at ulp 2
      assertFastAndExact(Long.toString(odd));
      assertFastAndExact(odd + "0e-1");
      // just above and below a tie: the remainder decides
      assertFastAndExact(between + ".51");
      assertFastAndExact(between + ".49");
      // 17 significant digits, as CoinGecko writes prices
      assertFastAndExact(Double.toString(random.nextDouble()));
    }
  }

  @Test
  void fastNumberEdgeCases() {
    for (String text : new String[] {"0", "-0", "0.0", "+1", "1.", ".5", "135.3", "1500517590",
        "1575032004.0", "4.394985424682529e-06", "6.51896201994936e-06", "0.000490582576102946",
        "9007199254740993", "9007199254740992", "1e22", "1e23", "1E-22", "123456789012345678",
        "1234567890123456789", "0.9999995679680491", "1349284955301.9707", "1e+5", "00012.50",
        "999999999999999999", "999999999999999999e22", "999999999999999999e-22",
        "9007199254740993e-22", "1152921504606846975", "576460752303423487"}) {
      assertSameAsParseDouble(text);
    }
    for (String notFast : new String[] {"", ".", "-", "e5", "1e", "1e+", "1x", "NaN",
        "Infinity", "0x1p3", "1.0d", "1e12345", "1,5"}) {
      assertThat(Csv.fastNumber(notFast)).as(notFast).isNaN();
    }
  }

  @Test
  void numberRejectsWhatIsNotAFiniteNumberNamingTheColumn() {
    assertThatThrownBy(() -> Csv.number("1e400", "price"))
        .hasMessageContaining("price is not a finite number: \"1e400\"");
    assertThatThrownBy(() -> Csv.number("NaN", "price")).hasMessageContaining("price");
    assertThatThrownBy(() -> Csv.number("1,5", "market_cap"))
        .hasMessageContaining("market_cap is not a number");
    assertThatThrownBy(() -> Csv.number("", "Close")).hasMessageContaining("Close is empty");
  }

  /** The fast path must take {@code text} (not fall back) and agree bit for bit. */
  private static void assertFastAndExact(String text) {
    assertThat(Csv.fastNumber(text)).as(text).isNotNaN();
    assertSameAsParseDouble(text);
  }

  private static void assertSameAsParseDouble(String text) {
    double fast = Csv.fastNumber(text);
    if (!Double.isNaN(fast)) {
      assertThat(Double.doubleToRawLongBits(fast))
          .as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    assertThat(Csv.number(text, "x")).as(text).isEqualTo(Double.parseDouble(text));
  }

  private static String randomDecimal(Random random) {
    StringBuilder s = new StringBuilder();
    int whole = random.nextInt(12);
    for (int i = 0; i < whole; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    if (whole == 0) {
      s.append('0');
    }
    s.append('.');
    int fraction = 1 + random.nextInt(18);
    for (int i = 0; i < fraction; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }
}
