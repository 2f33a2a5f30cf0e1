package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.Ratings;
import dev.ballast.ratings.evaluation.EvaluationResult;
import dev.ballast.ratings.history.RatingService;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ballast evaluate [--from DATE] [--to DATE]}: how well each grade predicted the coins'
 * forward returns on the stored history (Spearman rank correlation and quintile spread).
 */
public final class EvaluateCommand extends DatabaseCommand {

  public EvaluateCommand() {
    super("evaluate", "Measure the grades' predictive power on the stored history");
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
    RatingService.Evaluation e = ratings.evaluate(range.from(), range.to());
    System.out.printf("Grades against forward returns, %s to %s, %d coins%n", e.from(), e.to(),
        e.coins());
    System.out.printf("%-16s %8s %6s %9s %8s %8s %9s %9s %9s%n", "grade", "horizon", "dates",
        "spearman", "t-stat", "hit", "top q.", "bottom q.", "spread");
    print("trader", e.trader());
    print("investor", e.investor());
    System.out.println("Returns are means per period; dates do not overlap (step = horizon).");
  }

  private static void print(String name, EvaluationResult r) {
    System.out.printf("%-16s %7dd %6d %9.4f %8.2f %7.1f%% %8.2f%% %8.2f%% %8.2f%%%n", name,
        r.horizon(), r.dates(), r.meanSpearman(), r.spearmanTStat(), 100 * r.hitRate(),
        100 * r.meanTopQuintileReturn(), 100 * r.meanBottomQuintileReturn(),
        100 * r.meanSpread());
  }
}
