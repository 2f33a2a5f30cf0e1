package dev.ballast.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Column helpers for row mappers and binders: SQL NULL is a missing value, which is NaN; a
 * {@code TIMESTAMP} (without time zone) column holds UTC.
 */
public final class Columns {

  private Columns() {}

  public static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  public static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** An instant as the UTC wall time a {@code TIMESTAMP} column stores. */
  public static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A {@code TIMESTAMP} column read back as the UTC instant it stores; null for SQL NULL. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
