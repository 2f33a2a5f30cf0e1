package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses request parameters, answering bad ones with a 400 problem that names them. */
final class Params {

  private Params() {}

  static AssetId symbol(String field, String value) {
    try {
      return AssetId.of(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(field, e.getMessage());
    }
  }

  /** An ISO date (YYYY-MM-DD), or {@code fallback} when the parameter is absent. */
  static LocalDate date(String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(field,
          field + " must be a date as YYYY-MM-DD, was \"" + abbreviate(value) + "\"");
    }
  }

  /** Days from {@code from} to {@code to}, both inclusive. */
  record DateRange(LocalDate from, LocalDate to) {}

  /**
   * The {@code from} and {@code to} parameters; either may be left out to start at the first
   * stored day or end at the last. A reversed range is a 400 problem.
   */
  static DateRange range(String from, String to) {
    LocalDate start = date("from", from, LocalDate.of(1900, 1, 1));
    LocalDate end = date("to", to, LocalDate.of(9999, 12, 31));
    if (start.isAfter(end)) {
      throw ProblemException.badRequest("from", "from " + start + " is after to " + end);
    }
    return new DateRange(start, end);
  }

  /** A constant of {@code type}, case-insensitively, or null when the parameter is absent. */
  static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
      throw ProblemException.badRequest(field,
          field + " must be one of " + allowed + ", was \"" + abbreviate(value) + "\"");
    }
  }

  /** Refuses query parameters the endpoint does not know: a typo must not pass unnoticed. */
  static void onlyKnown(jakarta.ws.rs.core.UriInfo uri, String... known) {
    java.util.Set<String> allowed = java.util.Set.of(known);
    for (String name : uri.getQueryParameters().keySet()) {
      if (!allowed.contains(name)) {
        throw ProblemException.badRequest(name, "unknown query parameter \"" + abbreviate(name)
            + "\"; this endpoint takes " + (allowed.isEmpty() ? "none"
                : String.join(", ", new java.util.TreeSet<>(allowed))));
      }
    }
  }

  /** A number within [min, max], or null when the parameter is absent. */
  static Double number(String field, String value, double min, double max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double v = Double.parseDouble(value.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest(field, field + " must be a number from " + (long) min
        + " to " + (long) max + ", was \"" + abbreviate(value) + "\"");
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
