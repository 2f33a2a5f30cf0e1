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
    double value;
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
