package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.Ratings;
import dev.ballast.ratings.history.RatingService;
import io.dropwizard.core.setup.Bootstrap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ballast grade [--from DATE] [--to DATE]}: grades every asset on every day of the range
 * and stores grades, signals and peg health, replacing what was stored for those days, so
 * running it twice changes nothing. Defaults: from the first to the last stored day.
 */
public final class GradeCommand extends DatabaseCommand {

  public GradeCommand() {
    super("grade", "Grade every asset on every day of a range and store the results");
  }

  @Override
  protected void configureArguments(Subparser subparser) {
    subparser.addArgument("--from").metavar("YYYY-MM-DD")
        .help("first day to grade (default: the first stored day)");
    subparser.addArgument("--to").metavar("YYYY-MM-DD")
        .help("last day to grade (default: the last stored day)");
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context) {
    RatingService ratings = new RatingService(context.jdbi(), Ratings.settings(context.config().getGrading()));
    LocalDate last = ratings.lastMarketDay().orElseThrow(() -> new CommandFailure(
        "no market data is stored: import history first ('ballast import <files>')"));
    LocalDate from = date(ns.getString("from"), "--from", LocalDate.of(1900, 1, 1));
    LocalDate to = date(ns.getString("to"), "--to", last);
    if (from.isAfter(to)) {
      throw new CommandFailure("--from " + from + " is after --to " + to);
    }
    RatingService.Run run = ratings.grade(from, to, (through, done, total) ->
        System.err.printf("graded through %s (%d/%d days, %d%%)%n", through, done, total,
            100L * done / Math.max(1, total)));
    System.out.printf("Graded %s to %s: %d days, %d grades, %d stablecoin peg rows in %.1f s.%n",
        run.from(), run.to(), run.days(), run.grades(), run.pegRows(),
        run.elapsed().toMillis() / 1000.0);
  }

  static LocalDate date(String value, String option, LocalDate fallback) {
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
