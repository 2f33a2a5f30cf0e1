package dev.ballast.api.idempotency;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Idempotency keys (docs/portfolios.md#idempotency): how long a key is remembered, and whether
 * and when this process deletes the expired ones. A key older than {@code retention} is treated
 * as new, whether or not it has been purged yet: the purge only keeps the table small.
 */
public class IdempotencySettings {

  @NotNull @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration retention = Duration.hours(24);

  private boolean purgeEnabled = true;

  @NotBlank private String purgeSchedule = "0 0 1 * * ?";

  /** How long a key's stored response is replayed, counted from its first request. */
  @JsonProperty
  public Duration getRetention() {
    return retention;
  }

  @JsonProperty
  public void setRetention(Duration retention) {
    this.retention = retention;
  }

  /**
   * Whether this process schedules the purge of expired keys. On PostgreSQL the schedule is
   * shared (clustered): one process runs each purge, whichever of those with it enabled.
   */
  @JsonProperty
  public boolean isPurgeEnabled() {
    return purgeEnabled;
  }

  @JsonProperty
  public void setPurgeEnabled(boolean purgeEnabled) {
    this.purgeEnabled = purgeEnabled;
  }

  /** A Quartz cron expression in UTC (default: 01:00 every day, after the index check). */
  @JsonProperty
  public String getPurgeSchedule() {
    return purgeSchedule;
  }

  @JsonProperty
  public void setPurgeSchedule(String purgeSchedule) {
    this.purgeSchedule = purgeSchedule;
  }
}
