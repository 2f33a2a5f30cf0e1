package dev.ballast.api.schedule;

import dev.ballast.rebalancer.schedule.IndexService;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The daily index check: missed scheduled rebalances, held stablecoins that lost their peg, and
 * regime changes between scheduled dates. Thin: the work is {@link IndexService#dailyCheck}.
 */
@DisallowConcurrentExecution
public final class IndexCheckJob implements Job {

  private final IndexService indices;

  @Inject
  IndexCheckJob(IndexService indices) {
    this.indices = indices;
  }

  @Override
  public void execute(JobExecutionContext context) {
    indices.dailyCheck(context.getScheduledFireTime().toInstant());
  }
}
