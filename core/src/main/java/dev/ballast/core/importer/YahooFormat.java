package dev.ballast.core.importer;

import dev.ballast.core.price.DailyBar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Yahoo Finance's daily download: {@code Date,Open,High,Low,Close,Adj Close,Volume}. Columns are
 * found by name, in any order; {@code Adj Close} is optional and ignored (crypto pays no
 * dividends and does not split, so it equals {@code Close}); unknown columns are ignored.
 *
 * <p>{@code Date} is the UTC day of the bar; a time after it (yfinance writes {@code 2024-01-01
 * 00:00:00+00:00}) is ignored. Yahoo writes {@code null} on days it has no data: such a row is
 * reported and skipped. Volume of an {@code XXX-USD} pair is in USD. Market cap is unknown (NaN).
 */
final class YahooFormat {

  static final List<String> REQUIRED = List.of("date", "open", "high", "low", "close", "volume");
  static final String EXPECTED_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume (any order)";

  private final int date;
  private final int open;
  private final int high;
  private final int low;
  private final int close;
  private final int volume;
  private final int columns;

  private YahooFormat(Header header) {
    date = header.index("date");
    open = header.index("open");
    high = header.index("high");
    low = header.index("low");
    close = header.index("close");
    volume = header.index("volume");
    columns = header.size();
  }

  /** Whether the header looks like Yahoo's: it has a Date and a Close column. */
  static boolean looksLike(Header header) {
    return header.has("date") && header.has("close");
  }

  static List<String> missingColumns(Header header) {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!header.has(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  static ParsedHistory parse(Header header, Lines lines, DayCollector out) {
    YahooFormat format = new YahooFormat(header);
    out.readRows(null, lines, (fields, line) -> format.row(fields, line, out));
    return out.finish(SourceFormat.YAHOO);
  }

  private void row(String[] f, long line, DayCollector out) {
    if (f.length != columns) {
      throw new BadRowException("expected " + columns + " columns, found " + f.length);
    }
    LocalDate day = barDay(f[date]);
    out.checkOrder(day);
    out.add(line, new DailyBar(out.asset(), day, value(f[open], "Open"), value(f[high], "High"),
        value(f[low], "Low"), value(f[close], "Close"), value(f[volume], "Volume"), Double.NaN));
  }

  private static LocalDate barDay(String text) {
    if (text.length() > 10 && text.charAt(10) != ' ' && text.charAt(10) != 'T') {
      throw new BadRowException("Date is not a YYYY-MM-DD date: " + Csv.abbreviate(text));
    }
    return Csv.isoDate(text, "Date");
  }

  private static double value(String field, String column) {
    if (field.equalsIgnoreCase("null")) {
      throw new BadRowException(column + " is null (Yahoo has no data for that day)");
    }
    return Csv.number(field, column);
  }
}
