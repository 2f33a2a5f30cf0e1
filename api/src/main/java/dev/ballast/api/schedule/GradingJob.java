package dev.ballast.api.schedule;

import dev.ballast.ratings.history.RatingService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Grades the days not graded yet. Thin: the work is {@link RatingService#gradeNewDays}. */
@DisallowConcurrentExecution
public final class GradingJob implements Job {

  private static final Logger LOG = LoggerFactory.getLogger(GradingJob.class);

  private final RatingService ratings;
  private final int initialDays;

  @Inject
  GradingJob(RatingService ratings, @Named("grading.initialDays") int initialDays) {
    this.ratings = ratings;
    this.initialDays = initialDays;
  }

  @Override
  public void execute(JobExecutionContext context) {
    ratings.gradeNewDays(initialDays, RatingService.Progress.NONE).ifPresentOrElse(
        run -> LOG.info("graded {} to {}: {} grades, {} peg rows in {} ms", run.from(), run.to(),
            run.grades(), run.pegRows(), run.elapsed().toMillis()),
        () -> LOG.debug("nothing new to grade"));
  }
}
