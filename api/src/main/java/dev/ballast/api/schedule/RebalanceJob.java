package dev.ballast.api.schedule;

import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.schedule.IndexService;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Rebalances one index on its calendar. Thin: the work is {@link IndexService#scheduled}. */
@DisallowConcurrentExecution
public final class RebalanceJob implements Job {

  static final String INDEX = "index";

  private final IndexService indices;

  @Inject
  RebalanceJob(IndexService indices) {
    this.indices = indices;
  }

  @Override
  public void execute(JobExecutionContext context) {
    IndexId index = IndexId.of(context.getMergedJobDataMap().getString(INDEX));
    indices.scheduled(index, context.getScheduledFireTime().toInstant());
  }
}
