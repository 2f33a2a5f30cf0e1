package dev.ballast.rebalancer.index;

import java.math.BigDecimal;
import java.text.ParseException;
import org.quartz.CronExpression;

/**
 * An index methodology as data: who is eligible, who is selected, how they are weighted and
 * capped, when the index rebalances and how it trades. Read and written as YAML or JSON by {@link
 * IndexDefinitions}; every field is required except {@code description}, {@code
 * universe.minInvestorGrade} and {@code weighting.volatilityWindowDays}.
 *
 * <p>Immutable and thread-safe. Validation messages name the field path and the bad value.
 *
 * @param rebalanceCron a Quartz cron expression (seconds first, UTC): {@code 0 0 0 ? * MON} is
 *     every Monday at 00:00
 * @param driftBand absolute weight (0.02 is two percentage points) by which a holding may differ
 *     from its target before it is traded
 * @param minTradeUsd smallest order notional in USD worth sending; smaller moves are skipped
 * @param feeBps fee charged on every order's notional, in basis points (10 is 0.10%)
 * @param regimeOverlay whether the regime overlay may move part of the index into stablecoins
 */
public record IndexDefinition(
    IndexId id,
    String name,
    String description,
    UniverseRules universe,
    Selection selection,
    Weighting weighting,
    Caps caps,
    String rebalanceCron,
    double driftBand,
    BigDecimal minTradeUsd,
    double feeBps,
    boolean regimeOverlay) {

  /** A fee above 10% is a typo (a fraction written where basis points were meant), not a fee. */
  public static final double MAX_FEE_BPS = 1000;

  public IndexDefinition {
    requirePresent("id", id);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was " + quote(name));
    }
    name = name.strip();
    if (name.length() > 100) {
      throw new IllegalArgumentException(
          "name must be at most 100 characters, was " + name.length());
    }
    description = description == null ? "" : description.strip();
    requirePresent("universe", universe);
    requirePresent("selection", selection);
    requirePresent("weighting", weighting);
    requirePresent("caps", caps);
    if (!caps.feasibleFor(selection.count())) {
      throw new IllegalArgumentException(
          "caps cannot hold selection.count = " + selection.count() + " assets: caps.largestCap "
              + caps.largestCap() + " + " + (selection.count() - 1) + " × caps.otherCap "
              + caps.otherCap() + " = " + caps.capacity(selection.count()) + " < 1");
    }
    requireCron(rebalanceCron);
    if (!(driftBand >= 0 && driftBand < 1)) {
      throw new IllegalArgumentException("driftBand must be in [0, 1), was " + driftBand);
    }
    requirePresent("minTradeUsd", minTradeUsd);
    if (minTradeUsd.signum() < 0) {
      throw new IllegalArgumentException(
          "minTradeUsd must not be negative, was " + minTradeUsd.toPlainString());
    }
    if (!(feeBps >= 0 && feeBps <= MAX_FEE_BPS)) {
      throw new IllegalArgumentException(
          "feeBps must be in [0, " + (int) MAX_FEE_BPS + "], was " + feeBps);
    }
  }

  /** Whether the methodology reads investor grades (selection, weighting or a grade rule). */
  public boolean needsInvestorGrades() {
    return selection.method() == Selection.Method.TOP_INVESTOR_GRADE
        || weighting.method() == Weighting.Method.GRADE
        || universe.minInvestorGrade() != null;
  }

  private static void requireCron(String cron) {
    if (cron == null || cron.isBlank()) {
      throw new IllegalArgumentException("rebalanceCron must not be blank, was " + quote(cron));
    }
    if (!CronExpression.isValidExpression(cron)) {
      String why;
      try {
        new CronExpression(cron);
        why = "invalid";
      } catch (ParseException e) {
        why = e.getMessage();
      }
      throw new IllegalArgumentException(
          "rebalanceCron must be a Quartz cron expression (sec min hour day-of-month month"
              + " day-of-week, e.g. \"0 0 0 ? * MON\"), was " + quote(cron) + ": " + why);
    }
  }

  private static void requirePresent(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required, was missing");
    }
  }

  private static String quote(String s) {
    return s == null ? "null" : '"' + s + '"';
  }
}
