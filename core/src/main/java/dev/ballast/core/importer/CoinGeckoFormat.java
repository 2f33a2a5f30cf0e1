package dev.ballast.core.importer;

import dev.ballast.core.price.DailyBar;
import java.time.LocalDate;

/**
 * CoinGecko's "-usd-max.csv" export: {@code snapped_at,price,market_cap,total_volume} in USD.
 *
 * <p>{@code snapped_at} is {@code YYYY-MM-DD 00:00:00 UTC}: the price at the <em>start</em> of
 * day D, which is the close of day D−1. It is stored as the close of D−1 so that a CoinGecko bar
 * and a Yahoo or Binance bar of the same date describe the same 24 hours. A snapshot taken up to
 * {@link #MIDNIGHT_TOLERANCE_SECONDS} either side of midnight is still that midnight's price
 * (real exports have {@code 2018-01-30 00:05:21 UTC} standing in for a missing 00:00 row); any
 * other time, such as the intraday "now" row some exports end with, is not a daily close and is
 * reported and skipped.
 *
 * <p>A market cap or volume of 0 (or empty) is missing, NaN: CoinGecko writes 0 where it did not
 * know the figure (the first 242 BTC rows have volume 0 although bitcoin traded every day).
 * Open, high and low are unknown (NaN).
 */
final class CoinGeckoFormat {

  static final int MIDNIGHT_TOLERANCE_SECONDS = 15 * 60;
  static final String EXPECTED_HEADER = "snapped_at,price,market_cap,total_volume";
  private static final int SECONDS_PER_DAY = 86_400;

  private final int snappedAt;
  private final int price;
  private final int marketCap;
  private final int volume;
  private final int columns;

  private CoinGeckoFormat(Header header) {
    snappedAt = header.index("snapped_at");
    price = header.index("price");
    marketCap = header.index("market_cap");
    volume = header.index("total_volume");
    columns = header.size();
  }

  /** Whether the header is CoinGecko's: all four of its columns, in any order. */
  static boolean matches(Header header) {
    return header.hasAll("snapped_at", "price", "market_cap", "total_volume");
  }

  static ParsedHistory parse(Header header, Lines lines, DayCollector out) {
    CoinGeckoFormat format = new CoinGeckoFormat(header);
    out.readRows(null, lines, (fields, line) -> format.row(fields, line, out));
    return out.finish(SourceFormat.COINGECKO);
  }

  private void row(String[] f, long line, DayCollector out) {
    if (f.length != columns) {
      throw new BadRowException("expected " + columns + " columns, found " + f.length);
    }
    LocalDate day = closeDay(f[snappedAt]);
    out.checkOrder(day); // before parsing numbers: a duplicate is reported as such
    double close = Csv.number(f[price], "price");
    out.add(line, DailyBar.ofClose(out.asset(), day, close,
        missingIfZero(f[volume], "total_volume"), missingIfZero(f[marketCap], "market_cap")));
  }

  /** The day whose close the snapshot is: the day before the midnight it was taken at. */
  private static LocalDate closeDay(String snapped) {
    // "2024-03-02 00:00:00 UTC"
    if (snapped.length() != 23 || snapped.charAt(10) != ' ' || snapped.charAt(13) != ':'
        || snapped.charAt(16) != ':' || !snapped.endsWith(" UTC")) {
      throw new BadRowException(
          "snapped_at is not \"YYYY-MM-DD HH:MM:SS UTC\": " + Csv.abbreviate(snapped));
    }
    LocalDate date = Csv.isoDate(snapped, "snapped_at");
    int hour = Csv.digits(snapped, 11, 13, "snapped_at");
    int minute = Csv.digits(snapped, 14, 16, "snapped_at");
    int second = Csv.digits(snapped, 17, 19, "snapped_at");
    if (hour > 23 || minute > 59 || second > 59) {
      throw new BadRowException("snapped_at has an invalid time: " + Csv.abbreviate(snapped));
    }
    int secondOfDay = hour * 3600 + minute * 60 + second;
    if (secondOfDay <= MIDNIGHT_TOLERANCE_SECONDS) {
      return date.minusDays(1);
    }
    if (secondOfDay >= SECONDS_PER_DAY - MIDNIGHT_TOLERANCE_SECONDS) {
      return date; // taken just before the next midnight: the close of this very day
    }
    throw new BadRowException(
        "snapshot at " + snapped.substring(11) + " is not a start-of-day price (more than "
            + MIDNIGHT_TOLERANCE_SECONDS / 60 + " minutes from midnight), so not a daily close");
  }

  private static double missingIfZero(String field, String column) {
    if (field.isEmpty()) {
      return Double.NaN;
    }
    double value = Csv.number(field, column);
    if (value < 0) {
      throw new BadRowException(column + " is negative: " + field);
    }
    return value == 0 ? Double.NaN : value;
  }
}
