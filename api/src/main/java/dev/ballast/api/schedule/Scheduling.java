package dev.ballast.api.schedule;

import com.google.inject.Injector;
import io.dropwizard.lifecycle.Managed;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The process's Quartz scheduler: jobs are built by Guice, triggers are cron expressions in
 * UTC. A trigger missed while the process was down fires once when it is back (Quartz's
 * "fire and proceed"): grading catches up on every missed day in that one run anyway.
 */
public final class Scheduling implements Managed {

  public static final JobKey GRADING = JobKey.jobKey("grading", "ratings");

  private final Injector injector;
  private final String gradingCron;
  private Scheduler scheduler;

  public Scheduling(Injector injector, String gradingCron) {
    this.injector = injector;
    this.gradingCron = gradingCron;
  }

  @Override
  public void start() throws SchedulerException {
    Properties props = new Properties();
    props.setProperty("org.quartz.scheduler.instanceName", "ballast");
    props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    props.setProperty("org.quartz.threadPool.threadCount", "2");
    // A job still running at shutdown must not keep the JVM alive (see stop()).
    props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    scheduler = new StdSchedulerFactory(props).getScheduler();
    scheduler.setJobFactory((bundle, s) -> injector.getInstance(bundle.getJobDetail().getJobClass()));
    JobDetail grading = JobBuilder.newJob(GradingJob.class).withIdentity(GRADING).storeDurably()
        .build();
    scheduler.scheduleJob(grading, TriggerBuilder.newTrigger().withIdentity("grading-daily")
        .withSchedule(CronScheduleBuilder.cronSchedule(gradingCron)
            .inTimeZone(TimeZone.getTimeZone("UTC"))
            .withMisfireHandlingInstructionFireAndProceed())
        .build());
    scheduler.start();
  }

  /** Runs a job now, besides its schedule (e.g. grading once the first market data is in). */
  public void runNow(JobKey job) {
    try {
      scheduler.triggerJob(job);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot trigger " + job, e);
    }
  }

  @Override
  public void stop() throws SchedulerException {
    // Do not wait: a grading run stores each chunk of days in its own transaction, and the next
    // run grades whatever this one did not finish.
    scheduler.shutdown(false);
  }
}
