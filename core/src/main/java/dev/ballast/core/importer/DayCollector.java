package dev.ballast.core.importer;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the bars and problems of one file and enforces one bar per day in increasing order:
 * a repeated day keeps the first and reports the rest, a day before the last accepted one is
 * reported and skipped. Rows are never re-sorted, because a file that goes backwards is more
 * likely two files pasted together than a harmless ordering slip. Not thread-safe.
 */
final class DayCollector {

  private final Path file;
  private final AssetId asset;
  private final List<DailyBar> bars = new ArrayList<>();
  private final List<RowProblem> problems = new ArrayList<>();
  private LocalDate lastDate;
  private long lastLine;

  DayCollector(Path file, AssetId asset) {
    this.file = file;
    this.asset = asset;
  }

  AssetId asset() {
    return asset;
  }

  /** Throws {@link BadRowException} when {@code date} cannot follow the days accepted so far. */
  void checkOrder(LocalDate date) {
    if (lastDate == null || date.isAfter(lastDate)) {
      return;
    }
    if (date.equals(lastDate)) {
      throw new BadRowException(
          "duplicate day " + date + " (first given on line " + lastLine + ", which is kept)");
    }
    throw new BadRowException(
        "day " + date + " comes after " + lastDate + " (line " + lastLine
            + "): rows must be in increasing date order");
  }

  void add(long line, DailyBar bar) {
    checkOrder(bar.date());
    bars.add(bar);
    lastDate = bar.date();
    lastLine = line;
  }

  /** Reads one row's CSV fields; throws to have the row reported and skipped. */
  interface RowReader {
    void read(String[] fields, long line);
  }

  /**
   * Reads every remaining line of {@code lines} (after {@code firstLine}, if not null, which is
   * read first) with {@code reader}: a bad row is reported with its line number and skipped, and
   * the rest are read on.
   */
  void readRows(String firstLine, Lines lines, RowReader reader) {
    String line = firstLine != null ? firstLine : lines.next();
    while (line != null) {
      try {
        reader.read(Csv.split(line), lines.number());
      } catch (BadRowException | IllegalArgumentException e) {
        problem(lines.number(), e.getMessage());
      }
      line = lines.next();
    }
  }

  void problem(long line, String message) {
    problems.add(new RowProblem(file, line, message));
  }

  ParsedHistory finish(SourceFormat format) {
    return new ParsedHistory(file, format, asset, bars, problems);
  }
}
