package dev.ballast.rebalancer.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The slots of a rebalance calendar: the instants its cron expression names, in UTC. A rebalance
 * belongs to a slot, and a slot is rebalanced at most once; a fire that comes late (a misfire, a
 * catch-up at start-up) belongs to the latest slot at or before it. Quartz's {@code CronExpression}
 * cannot step backwards, so the latest slot is found by stepping forward from ever further back.
 */
public final class CronSlots {

  /** How far back to look for a slot: beyond a year a calendar has no slot worth catching up. */
  private static final Duration[] LOOK_BACK = {
    Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(8),
    Duration.ofDays(32), Duration.ofDays(367)
  };

  private final CronExpression cron;

  public CronSlots(String expression) {
    try {
      cron = new CronExpression(expression);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "not a Quartz cron expression: \"" + expression + "\": " + e.getMessage(), e);
    }
    cron.setTimeZone(TimeZone.getTimeZone("UTC"));
  }

  /** The latest slot at or before {@code t}; empty if there is none within the last year. */
  public Optional<Instant> latestAtOrBefore(Instant t) {
    for (Duration back : LOOK_BACK) {
      Date candidate = cron.getTimeAfter(Date.from(t.minus(back).minusMillis(1)));
      if (candidate == null || candidate.toInstant().isAfter(t)) {
        continue;
      }
      Instant slot = candidate.toInstant();
      for (Date next = cron.getTimeAfter(candidate); next != null && !next.toInstant().isAfter(t);
          next = cron.getTimeAfter(next)) {
        slot = next.toInstant();
      }
      return Optional.of(slot);
    }
    return Optional.empty();
  }

  /** The first slot strictly after {@code t}, if the calendar has one. */
  public Optional<Instant> next(Instant t) {
    return Optional.ofNullable(cron.getTimeAfter(Date.from(t))).map(Date::toInstant);
  }
}
