package dev.ballast.core.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The small, fast field parsing the three formats share. None of them quotes fields or embeds
 * commas, so a line is split on every comma; surrounding blanks and double quotes are dropped so
 * that a file re-saved by a spreadsheet still reads.
 */
final class Csv {

  private Csv() {}

  static String[] split(String line) {
    int count = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        count++;
      }
    }
    String[] fields = new String[count];
    int start = 0;
    for (int f = 0; f < count; f++) {
      int end = line.indexOf(',', start);
      if (end < 0) {
        end = line.length();
      }
      fields[f] = clean(line.substring(start, end));
      start = end + 1;
    }
    return fields;
  }

  private static String clean(String field) {
    String s = field.strip();
    if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  /** Header names compared case- and blank-insensitively: "Adj Close" and "adj_close" match. */
  static String normalizeName(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  /** A finite number; Java would otherwise accept "NaN" and "Infinity" as numbers. */
  static double number(String field, String column) {
    if (field.isEmpty()) {
      throw new BadRowException(column + " is empty");
    }
    double value = fastNumber(field);
    if (!Double.isNaN(value)) {
      return value;
    }
    try {
      value = Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new BadRowException(column + " is not a number: " + abbreviate(field));
    }
    if (!Double.isFinite(value)) {
      throw new BadRowException(column + " is not a finite number: " + abbreviate(field));
    }
    return value;
  }

  private static final long MAX_EXACT_MANTISSA = 1L << 53;
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * The plain decimal {@code [+-]digits[.digits][e[+-]digits]} exactly as {@link
   * Double#parseDouble} reads it, or NaN when this fast path cannot be sure (then the caller asks
   * {@code parseDouble}). Why: {@code parseDouble} is most of the cost of reading a CoinGecko file,
   * and in a freshly started importer, before the JIT has compiled it, it made parsing the 40
   * shared files take over a second. Up to 18 significant digits and exponents within ±22 (all
   * but a handful of the CoinGecko values): a mantissa below 2^53 takes Clinger's path (it and
   * 10^|e| are exact doubles, so one IEEE multiplication or division rounds the true value
   * correctly); a larger one, the common 17-digit case, is done in exact integer arithmetic and
   * rounded once. Either way the result is the correctly rounded value, as from {@code
   * parseDouble}; {@code CsvTest} checks it bit for bit.
   */
  static double fastNumber(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean anyDigit = false;
    char c = 0;
    for (; i < n; i++) {
      c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      anyDigit = true;
      if (mantissa != 0 || c != '0') {
        if (++significant > 18) {
          return Double.NaN;
        }
        mantissa = mantissa * 10 + (c - '0');
      }
    }
    if (i < n && c == '.') {
      for (i++; i < n; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        anyDigit = true;
        exponent--;
        if (mantissa != 0 || c != '0') {
          if (++significant > 18) {
            return Double.NaN;
          }
          mantissa = mantissa * 10 + (c - '0');
        }
      }
    }
    if (!anyDigit) {
      return Double.NaN;
    }
    if (i < n && (c == 'e' || c == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        negativeExponent = s.charAt(i) == '-';
        i++;
      }
      int start = i;
      int e = 0;
      for (; i < n && i - start < 4; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9') {
          return Double.NaN;
        }
        e = e * 10 + (c - '0');
      }
      if (i == start) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -e : e;
    }
    if (i != n) {
      return Double.NaN;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (exponent < -22 || exponent > 22) {
      return Double.NaN;
    }
    double value;
    if (mantissa <= MAX_EXACT_MANTISSA) {
      value = exponent < 0
          ? mantissa / EXACT_POWERS_OF_TEN[-exponent]
          : mantissa * EXACT_POWERS_OF_TEN[exponent];
    } else {
      value = exponent < 0 ? wideQuotient(mantissa, -exponent) : wideProduct(mantissa, exponent);
    }
    return negative ? -value : value;
  }

  private static final long[] POWERS_OF_FIVE = new long[23];

  static {
    POWERS_OF_FIVE[0] = 1;
    for (int i = 1; i < POWERS_OF_FIVE.length; i++) {
      POWERS_OF_FIVE[i] = POWERS_OF_FIVE[i - 1] * 5;
    }
  }

  /**
   * {@code m * 10^e} correctly rounded, for {@code m < 2^60} and {@code 0 <= e <= 22}: the
   * 17-digit values Clinger's path cannot take. {@code m * 5^e < 2^112} is computed exactly in
   * 128 bits and rounded once; the factor {@code 2^e} is exact.
   */
  private static double wideProduct(long m, int e) {
    long five = POWERS_OF_FIVE[e];
    return round(Math.multiplyHigh(m, five), m * five, false, e);
  }

  /**
   * {@code m / 10^k} correctly rounded, for {@code m < 2^60} and {@code 0 < k <= 22}: a 63-bit
   * quotient of {@code m / 5^k} by long division (the divisor is below 2^52, so 11-bit steps
   * never overflow), whether a remainder is left, then one rounding; the factor {@code 2^-k} is
   * exact.
   */
  private static double wideQuotient(long m, int k) {
    long divisor = POWERS_OF_FIVE[k];
    long quotient = m / divisor;
    long remainder = m % divisor;
    int shift = 0;
    while (Long.numberOfLeadingZeros(quotient) > 1) {
      int step = Math.min(11, Long.numberOfLeadingZeros(quotient) - 1);
      long widened = remainder << step;
      quotient = (quotient << step) | (widened / divisor);
      remainder = widened % divisor;
      shift += step;
    }
    return round(0, quotient, remainder != 0, -shift - k);
  }

  /**
   * The unsigned 128-bit integer {@code hi:lo}, plus a nonzero fraction below it when {@code
   * sticky}, times {@code 2^scale}, rounded half-even to a double. NaN (so the caller falls back)
   * outside the range this class needs.
   */
  private static double round(long hi, long lo, boolean sticky, int scale) {
    int bits = hi != 0
        ? 128 - Long.numberOfLeadingZeros(hi)
        : 64 - Long.numberOfLeadingZeros(lo);
    if (bits <= 53) {
      return sticky ? Double.NaN : Math.scalb((double) lo, scale);
    }
    int drop = bits - 53;
    if (drop >= 64) {
      return Double.NaN;
    }
    long mantissa = (lo >>> drop) | (hi << (64 - drop)); // drop > 0, so the shift is < 64
    long rest = lo & ((1L << drop) - 1);
    long half = 1L << (drop - 1);
    if (rest > half || (rest == half && (sticky || (mantissa & 1) == 1))) {
      mantissa++; // may reach 2^53, still exact
    }
    return Math.scalb((double) mantissa, drop + scale);
  }

  static long integer(String field, String column) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new BadRowException(column + " is not a whole number: " + abbreviate(field));
    }
  }

  /** A {@code YYYY-MM-DD} date at the start of {@code text}; the caller says what may follow. */
  static LocalDate isoDate(String text, String column) {
    if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new BadRowException(column + " is not a YYYY-MM-DD date: " + abbreviate(text));
    }
    int year = digits(text, 0, 4, column);
    int month = digits(text, 5, 7, column);
    int day = digits(text, 8, 10, column);
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new BadRowException(column + " is not a valid date: " + abbreviate(text));
    }
  }

  /** The decimal number in {@code text[from, to)}, digits only. */
  static int digits(String text, int from, int to, String column) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new BadRowException(column + " has a non-digit where a digit belongs: "
            + abbreviate(text));
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static String abbreviate(String s) {
    return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
  }
}
