package dev.ballast.core.importer;

import dev.ballast.core.price.DailyBar;
import java.time.LocalDate;

/**
 * A kline file from data.binance.vision: 12 columns {@code open_time, open, high, low, close,
 * volume, close_time, quote_asset_volume, number_of_trades, taker_buy_base_asset_volume,
 * taker_buy_quote_asset_volume, ignore}, with or without a header row. Columns are taken by
 * position, because Binance's own headers vary ({@code quote_volume}, {@code count} in futures
 * files).
 *
 * <p>Times are milliseconds since the epoch, or microseconds in files from 2025 on; a value of
 * at least {@link #MICROS_THRESHOLD} is microseconds (as milliseconds it would lie past the year
 * 5000; as microseconds any smaller value would lie before 1973, before crypto).
 *
 * <p>Klines of any interval up to one day are grouped by the UTC day of their open time: open of
 * the first, highest high, lowest low, close of the last, and as volume the sum of {@code
 * quote_asset_volume}, which is in the quote currency: USD for all practical purposes for the
 * USDT, USDC, FDUSD, BUSD, TUSD, DAI and USD pairs this importer expects. A day with klines
 * missing (the last day of a file that stops mid-day, or an exchange outage) still gives a bar
 * of the klines it has; its volume is then that of the hours covered. Market cap is unknown.
 */
final class BinanceFormat {

  static final long MICROS_THRESHOLD = 100_000_000_000_000L; // 1e14
  static final int COLUMNS = 12;
  static final String EXPECTED_HEADER =
      "open_time,open,high,low,close,volume,close_time,quote_asset_volume,number_of_trades,"
          + "taker_buy_base_asset_volume,taker_buy_quote_asset_volume,ignore (header optional)";
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final DayCollector out;
  private long lastOpenMillis = Long.MIN_VALUE;
  private long lastKlineLine;
  // the day being aggregated
  private long day = Long.MIN_VALUE;
  private long dayLine;
  private double open;
  private double high;
  private double low;
  private double close;
  private double volume;

  private BinanceFormat(DayCollector out) {
    this.out = out;
  }

  /** Whether a first line is a Binance header or a Binance data row. */
  static boolean matches(String[] firstLine) {
    if (firstLine.length != COLUMNS) {
      return false;
    }
    return isHeader(firstLine) || isWholeNumber(firstLine[0]);
  }

  static boolean isHeader(String[] firstLine) {
    return Csv.normalizeName(firstLine[0]).equals("open_time");
  }

  /**
   * Parses the rows; {@code firstDataLine} is the first line when it was data rather than a
   * header, else null.
   */
  static ParsedHistory parse(String firstDataLine, Lines lines, DayCollector out) {
    BinanceFormat format = new BinanceFormat(out);
    out.readRows(firstDataLine, lines, format::kline);
    format.flush();
    return out.finish(SourceFormat.BINANCE);
  }

  private void kline(String[] f, long line) {
    if (f.length != COLUMNS) {
      throw new BadRowException("expected " + COLUMNS + " columns, found " + f.length);
    }
    long openTime = Csv.integer(f[0], "open_time");
    long closeTime = Csv.integer(f[6], "close_time");
    long openMillis = toMillis(openTime);
    long closeMillis = toMillis(closeTime);
    if (closeMillis < openMillis) {
      throw new BadRowException("close_time " + closeTime + " is before open_time " + openTime);
    }
    if (closeMillis - openMillis >= MILLIS_PER_DAY) {
      throw new BadRowException("kline spans more than one day (open_time " + openTime
          + ", close_time " + closeTime + "): only intervals of 1d or less make daily bars");
    }
    if (openMillis == lastOpenMillis) {
      throw new BadRowException("duplicate kline at open_time " + openTime
          + " (first given on line " + lastKlineLine + ", which is kept)");
    }
    if (openMillis < lastOpenMillis) {
      throw new BadRowException("open_time " + openTime + " is before that of line "
          + lastKlineLine + ": rows must be in increasing time order");
    }
    double o = price(f[1], "open");
    double h = price(f[2], "high");
    double l = price(f[3], "low");
    double c = price(f[4], "close");
    double quoteVolume = Csv.number(f[7], "quote_asset_volume");
    if (h < l) {
      throw new BadRowException("high " + h + " is below low " + l);
    }
    if (quoteVolume < 0) {
      throw new BadRowException("quote_asset_volume is negative: " + f[7]);
    }
    lastOpenMillis = openMillis;
    lastKlineLine = line;
    long klineDay = Math.floorDiv(openMillis, MILLIS_PER_DAY);
    if (klineDay != day) {
      flush();
      day = klineDay;
      dayLine = line;
      open = o;
      high = h;
      low = l;
      volume = 0;
    }
    high = Math.max(high, h);
    low = Math.min(low, l);
    close = c;
    volume += quoteVolume;
  }

  private void flush() {
    if (day == Long.MIN_VALUE) {
      return;
    }
    try {
      out.add(dayLine, new DailyBar(out.asset(), LocalDate.ofEpochDay(day), open, high, low, close,
          volume, Double.NaN));
    } catch (BadRowException | IllegalArgumentException e) {
      out.problem(dayLine, e.getMessage()); // cannot happen for checked klines; kept as a guard
    }
    day = Long.MIN_VALUE;
  }

  static long toMillis(long time) {
    return time >= MICROS_THRESHOLD ? Math.floorDiv(time, 1000L) : time;
  }

  private static double price(String field, String column) {
    double value = Csv.number(field, column);
    if (!(value > 0)) {
      throw new BadRowException(column + " must be a positive price, was " + field);
    }
    return value;
  }

  private static boolean isWholeNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
