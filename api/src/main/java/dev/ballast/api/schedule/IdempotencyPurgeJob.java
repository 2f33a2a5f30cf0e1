package dev.ballast.api.schedule;

import dev.ballast.api.idempotency.Idempotency;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the idempotency keys older than their retention. Thin: the work is {@link
 * Idempotency#purgeExpired}. Expired keys are ignored whether or not they are purged, so a missed
 * or late purge only leaves the table larger until the next one.
 */
@DisallowConcurrentExecution
public final class IdempotencyPurgeJob implements Job {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurgeJob.class);

  private final Idempotency idempotency;

  @Inject
  IdempotencyPurgeJob(Idempotency idempotency) {
    this.idempotency = idempotency;
  }

  @Override
  public void execute(JobExecutionContext context) {
    LOG.info("purged {} expired idempotency key(s)", idempotency.purgeExpired());
  }
}
