package dev.ballast.api;

import dev.ballast.ratings.grade.Factor;
import dev.ballast.ratings.grade.GradeWeights;
import dev.ballast.ratings.history.RatingService;

/** Turns the grading configuration into the methodology's settings. */
public final class Ratings {

  private Ratings() {}

  /**
   * The default methodology with the configured weights in place of the defaults they name.
   *
   * @throws IllegalArgumentException naming an unknown factor or a bad weight
   */
  public static RatingService.Settings settings(GradingSettings grading) {
    GradeWeights weights = GradeWeights.defaults();
    for (var e : grading.getTraderWeights().entrySet()) {
      weights = weights.with(Factor.parse(e.getKey()), e.getValue());
    }
    for (var e : grading.getInvestorWeights().entrySet()) {
      weights = weights.with(Factor.parse(e.getKey()), e.getValue());
    }
    RatingService.Settings defaults = RatingService.Settings.defaults();
    return new RatingService.Settings(weights, defaults.peg(), defaults.signals());
  }
}
