package dev.ballast.api.health;

import com.codahale.metrics.health.HealthCheck;
import dev.ballast.ratings.history.RatingService;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Healthy when the stored grades keep up with the market data: the newest graded day is at most
 * {@value #MAX_LAG_DAYS} days behind the newest bar (the daily job runs once a day, so a day's
 * lag is normal between a new bar and the next run).
 */
public final class GradesHealthCheck extends HealthCheck {

  static final int MAX_LAG_DAYS = 2;

  private final RatingService ratings;

  public GradesHealthCheck(RatingService ratings) {
    this.ratings = ratings;
  }

  @Override
  protected Result check() {
    Optional<LocalDate> lastBar = ratings.lastMarketDay();
    if (lastBar.isEmpty()) {
      return Result.healthy("no market data to grade yet");
    }
    Optional<LocalDate> lastGrade = ratings.lastGradedDay();
    if (lastGrade.isEmpty()) {
      return Result.unhealthy("market data up to %s but no grades yet", lastBar.get());
    }
    long lag = ChronoUnit.DAYS.between(lastGrade.get(), lastBar.get());
    return lag <= MAX_LAG_DAYS
        ? Result.healthy("graded up to %s", lastGrade.get())
        : Result.unhealthy("graded up to %s, %d days behind the market data (%s)",
            lastGrade.get(), lag, lastBar.get());
  }
}
