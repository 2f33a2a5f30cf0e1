package dev.ballast.ratings.store;

import dev.ballast.ratings.grade.Grade;
import java.util.Objects;

/**
 * A grade as stored for an asset and day, with what the history adds to it: the change of each
 * grade since the asset's previous graded day (NaN when there is none) and the trading signal.
 * Immutable and thread-safe.
 */
public record StoredGrade(Grade grade, double traderChange, double investorChange, int signal) {

  public StoredGrade {
    Objects.requireNonNull(grade, "grade");
    if (signal < -1 || signal > 1) {
      throw new IllegalArgumentException("signal must be -1, 0 or +1, was " + signal);
    }
  }
}
