package dev.ballast.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Column helpers shared by the row mappers: SQL NULL is a missing value, which is NaN. */
final class Sql {

  private Sql() {}

  static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
