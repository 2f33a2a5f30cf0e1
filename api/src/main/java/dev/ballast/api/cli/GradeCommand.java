package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.Ratings;
import dev.ballast.ratings.history.RatingService;
import io.dropwizard.core.setup.Bootstrap;
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
    DayRange.addArguments(subparser);
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context) {
    RatingService ratings = new RatingService(context.jdbi(),
        Ratings.settings(context.config().getGrading()));
    DayRange range = DayRange.of(ns, ratings);
    RatingService.Run run = ratings.grade(range.from(), range.to(), (through, done, total) ->
        System.err.printf("graded through %s (%d/%d days, %d%%)%n", through, done, total,
            100L * done / Math.max(1, total)));
    System.out.printf("Graded %s to %s: %d days, %d grades, %d stablecoin peg rows in %.1f s.%n",
        run.from(), run.to(), run.days(), run.grades(), run.pegRows(),
        run.elapsed().toMillis() / 1000.0);
  }
}
