package dev.ballast.api.schedule;

import com.google.inject.Injector;
import dev.ballast.rebalancer.schedule.IndexService;
import dev.ballast.rebalancer.store.StoredIndex;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The process's Quartz scheduler: the daily grading job, one rebalance job per index on the
 * index's own calendar, the daily index check, and the daily purge of expired idempotency keys. Jobs are built by Guice; every cron
 * expression is evaluated in UTC.
 *
 * <p>Job store: on PostgreSQL the clustered JDBC job store (Quartz's tables are created by the
 * Flyway migration {@code V7__create_quartz_tables}), so any number of Ballast processes on one
 * database share the schedule and each trigger fires on one of them; on H2 (one process by
 * design) jobs are kept in memory. Either way a rebalance for an index and slot is stored at most
 * once: the database refuses the second (see {@link IndexService}).
 *
 * <p>Misfires: every cron trigger uses "fire once now" (Quartz's fire-and-proceed) when it was
 * missed by more than the misfire threshold (60 s), e.g. while no process ran. A late rebalance
 * belongs to the latest slot of its calendar at or before it, so only the most recent missed
 * slot is rebalanced, at the latest prices: replaying older slots would trade to targets that
 * are already stale. At start the daily check also runs once, which catches up a slot missed
 * while the in-memory store was down.
 */
public final class Scheduling implements Managed {

  public static final JobKey GRADING = JobKey.jobKey("grading", "ratings");
  public static final JobKey INDEX_CHECK = JobKey.jobKey("daily-check", "indices");
  public static final JobKey IDEMPOTENCY_PURGE = JobKey.jobKey("purge", "idempotency-keys");
  static final String INDEX_GROUP = "indices";
  static final String REBALANCE_PREFIX = "rebalance-";
  private static final String DATA_SOURCE = "ballast";

  /** What to schedule; an empty cron leaves that job out of this process. */
  public record Settings(Optional<String> gradingCron, Optional<String> indexCheckCron,
      Optional<String> idempotencyPurgeCron, boolean clustered) {}

  private final Injector injector;
  private final Settings settings;
  private final DataSource dataSource;
  private Scheduler scheduler;

  public Scheduling(Injector injector, Settings settings, DataSource dataSource) {
    this.injector = injector;
    this.settings = settings;
    this.dataSource = dataSource;
  }

  /** Whether the database is one the clustered JDBC job store is set up for (PostgreSQL). */
  public static boolean clusterable(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to set up the scheduler", e);
    }
  }

  @Override
  public void start() throws SchedulerException {
    if (settings.gradingCron().isEmpty() && settings.indexCheckCron().isEmpty()
        && settings.idempotencyPurgeCron().isEmpty()) {
      return; // nothing scheduled in this process
    }
    scheduler = new StdSchedulerFactory(properties()).getScheduler();
    scheduler.setJobFactory((bundle, s) -> injector.getInstance(bundle.getJobDetail().getJobClass()));
    if (settings.gradingCron().isPresent()) {
      schedule(JobBuilder.newJob(GradingJob.class).withIdentity(GRADING).storeDurably().build(),
          "grading-daily", settings.gradingCron().get());
    }
    if (settings.indexCheckCron().isPresent()) {
      schedule(JobBuilder.newJob(IndexCheckJob.class).withIdentity(INDEX_CHECK).storeDurably()
          .build(), "index-check-daily", settings.indexCheckCron().get());
      syncIndices();
    }
    if (settings.idempotencyPurgeCron().isPresent()) {
      schedule(JobBuilder.newJob(IdempotencyPurgeJob.class).withIdentity(IDEMPOTENCY_PURGE)
          .storeDurably().build(), "idempotency-purge-daily",
          settings.idempotencyPurgeCron().get());
    }
    scheduler.start();
    if (settings.indexCheckCron().isPresent()) {
      runNow(INDEX_CHECK);
    }
  }

  private Properties properties() {
    Properties props = new Properties();
    props.setProperty("org.quartz.scheduler.instanceName", "ballast");
    props.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    props.setProperty("org.quartz.threadPool.threadCount", "2");
    // A job still running at shutdown must not keep the JVM alive (see stop()).
    props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    if (!settings.clustered()) {
      props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
      return props;
    }
    DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new Provider(dataSource));
    props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    props.setProperty("org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    props.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    props.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    props.setProperty("org.quartz.jobStore.isClustered", "true");
    props.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    // Job data are strings (index ids): no Java serialisation in the database.
    props.setProperty("org.quartz.jobStore.useProperties", "true");
    return props;
  }

  private void schedule(JobDetail job, String triggerName, String cron) throws SchedulerException {
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(triggerName, job.getKey().getGroup())
        .forJob(job)
        .withSchedule(CronScheduleBuilder.cronSchedule(cron)
            .inTimeZone(TimeZone.getTimeZone("UTC"))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
    // Replacing keeps a shared (clustered) schedule equal to this process's configuration.
    scheduler.scheduleJob(job, Set.of(trigger), true);
  }

  /**
   * Makes the rebalance jobs match the stored index definitions: one job per index on its
   * calendar, none for a deleted index. Called at start and whenever a definition changes.
   */
  public synchronized void syncIndices() {
    if (scheduler == null || settings.indexCheckCron().isEmpty()) {
      return;
    }
    try {
      List<StoredIndex> indices = injector.getInstance(IndexService.class).indices();
      Set<JobKey> wanted = new HashSet<>();
      for (StoredIndex index : indices) {
        JobKey key = JobKey.jobKey(REBALANCE_PREFIX + index.id().value(), INDEX_GROUP);
        wanted.add(key);
        String cron = index.definition().rebalanceCron();
        Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(key.getName(), INDEX_GROUP));
        if (existing instanceof org.quartz.CronTrigger c && c.getCronExpression().equals(cron)) {
          continue;
        }
        schedule(JobBuilder.newJob(RebalanceJob.class).withIdentity(key)
            .usingJobData(RebalanceJob.INDEX, index.id().value()).storeDurably().build(),
            key.getName(), cron);
      }
      for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(INDEX_GROUP))) {
        if (key.getName().startsWith(REBALANCE_PREFIX) && !wanted.contains(key)) {
          scheduler.deleteJob(key);
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule the index rebalances", e);
    }
  }

  /** Runs a job now, besides its schedule (e.g. grading once the first market data is in). */
  public void runNow(JobKey job) {
    if (scheduler == null) {
      return;
    }
    try {
      if (scheduler.checkExists(job)) {
        scheduler.triggerJob(job);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot trigger " + job, e);
    }
  }

  @Override
  public void stop() throws SchedulerException {
    if (scheduler == null) {
      return;
    }
    // Do not wait: grading stores each chunk of days in its own transaction, a rebalance is one
    // transaction, and whatever did not finish is caught up by the next run.
    scheduler.shutdown(false);
  }

  /** Quartz's connections come from the application's pool. */
  private record Provider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
  }
}
