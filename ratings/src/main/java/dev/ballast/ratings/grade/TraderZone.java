package dev.ballast.ratings.grade;

/**
 * The band of a trader grade. DESIGN.md names the bands on whole grades (0–20, 21–40, ...); on
 * the continuous grade the cut is at the half, so that a grade shown rounded (half up) always
 * shows a number of its own band: 20.49 shows as 20 and is CRASHING, 20.5 shows as 21 and is
 * LOSING.
 */
public enum TraderZone {
  /** Below 20.5. */
  CRASHING,
  /** 20.5 to below 40.5. */
  LOSING,
  /** 40.5 to below 60.5. */
  STEADY,
  /** 60.5 to below 80.5. */
  GAINING,
  /** 80.5 and above. */
  SURGING;

  /**
   * The zone of a trader grade.
   *
   * @throws IllegalArgumentException unless {@code grade} is in [0, 100]
   */
  public static TraderZone of(double grade) {
    if (!(grade >= 0 && grade <= 100)) {
      throw new IllegalArgumentException("grade must be in [0, 100], was " + grade);
    }
    if (grade < 20.5) {
      return CRASHING;
    }
    if (grade < 40.5) {
      return LOSING;
    }
    if (grade < 60.5) {
      return STEADY;
    }
    return grade < 80.5 ? GAINING : SURGING;
  }
}
