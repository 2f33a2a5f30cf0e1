package dev.ballast.api.cli;

import dev.ballast.ratings.history.RatingService;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * The {@code --from} and {@code --to} options of the rating commands: days, both inclusive,
 * defaulting to the whole stored history.
 */
record DayRange(LocalDate from, LocalDate to) {

  static void addArguments(Subparser subparser) {
    subparser.addArgument("--from").metavar("YYYY-MM-DD")
        .help("first day (default: the first stored day)");
    subparser.addArgument("--to").metavar("YYYY-MM-DD")
        .help("last day (default: the last stored day)");
  }

  /**
   * The range the options name.
   *
   * @throws CommandFailure if no market data is stored, a date is malformed or the range is
   *     reversed
   */
  static DayRange of(Namespace ns, RatingService ratings) {
    LocalDate last = ratings.lastMarketDay().orElseThrow(() -> new CommandFailure(
        "no market data is stored: import history first ('ballast import <files>')"));
    LocalDate from = date(ns.getString("from"), "--from", LocalDate.of(1900, 1, 1));
    LocalDate to = date(ns.getString("to"), "--to", last);
    if (from.isAfter(to)) {
      throw new CommandFailure("--from " + from + " is after --to " + to);
    }
    return new DayRange(from, to);
  }

  private static LocalDate date(String value, String option, LocalDate fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new CommandFailure(option + " must be a date as YYYY-MM-DD, was \"" + value + "\"");
    }
  }
}
