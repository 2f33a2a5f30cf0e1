package dev.ballast.ratings.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An expected-value table from {@code src/test/resources/dev/ballast/ratings/indicator}: {@code #}
 * comment lines citing the source, a header, then numbers; a blank cell is a value the source
 * leaves blank (warm-up), read as NaN.
 */
final class ReferenceCsv {

  private final List<String> header;
  private final double[][] columns;

  private ReferenceCsv(List<String> header, double[][] columns) {
    this.header = header;
    this.columns = columns;
  }

  static ReferenceCsv load(String name) {
    InputStream in = ReferenceCsv.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = null;
      List<double[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (header == null) {
          header = Arrays.asList(cells);
          continue;
        }
        double[] row = new double[header.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = cells[c].isBlank() ? Double.NaN : Double.parseDouble(cells[c]);
        }
        rows.add(row);
      }
      double[][] columns = new double[header.size()][rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < columns.length; c++) {
          columns[c][r] = rows.get(r)[c];
        }
      }
      return new ReferenceCsv(header, columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  double[] column(String name) {
    int c = header.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return columns[c].clone();
  }
}
