package dev.ballast.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Column helpers for row mappers and binders: SQL NULL is a missing value, which is NaN. */
public final class Columns {

  private Columns() {}

  public static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  public static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
