package dev.ballast.core.importer;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The daily bars read from one file, and the lines that gave none. Immutable and thread-safe.
 *
 * @param bars one bar per UTC day, in strictly increasing date order, all of {@code asset}
 * @param problems the skipped lines in file order; each is one line that contributed nothing
 */
public record ParsedHistory(
    Path file, SourceFormat format, AssetId asset, List<DailyBar> bars, List<RowProblem> problems) {

  public ParsedHistory {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(asset, "asset");
    bars = List.copyOf(bars);
    problems = List.copyOf(problems);
    DailyBar previous = null;
    for (DailyBar bar : bars) {
      if (!bar.asset().equals(asset)) {
        throw new IllegalArgumentException(
            "bar of " + bar.asset() + " in the history of " + asset + " from " + file);
      }
      if (previous != null && !bar.date().isAfter(previous.date())) {
        throw new IllegalArgumentException(
            "bars must be one per day in increasing order: " + bar.date() + " after "
                + previous.date() + " in " + file);
      }
      previous = bar;
    }
  }

  /** The bars as a column series, the form the ratings maths reads. */
  public PriceSeries toSeries() {
    return PriceSeries.of(asset, bars);
  }
}
