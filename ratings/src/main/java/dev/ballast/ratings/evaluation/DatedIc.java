package dev.ballast.ratings.evaluation;

/**
 * One evaluated cross-section: the grades of day {@code day} against the forward returns from that
 * day's close to the close {@code horizon} days later. Returns are simple fractions. Immutable and
 * thread-safe.
 *
 * @param day the index of the day in the input columns
 * @param assets how many assets had a grade and both closes
 * @param spearman the rank correlation (information coefficient) of grade and forward return
 * @param topQuintileReturn the mean forward return of the fifth of assets graded highest
 * @param bottomQuintileReturn the mean forward return of the fifth graded lowest
 */
public record DatedIc(
    int day, int assets, double spearman, double topQuintileReturn, double bottomQuintileReturn) {

  public DatedIc {
    if (day < 0) {
      throw new IllegalArgumentException("day must be a non-negative index, was " + day);
    }
    if (assets < 2) {
      throw new IllegalArgumentException("a cross-section needs at least 2 assets, was " + assets);
    }
    if (!(spearman >= -1 - 1e-12 && spearman <= 1 + 1e-12)) {
      throw new IllegalArgumentException("spearman must be in [-1, 1], was " + spearman);
    }
  }

  public double spread() {
    return topQuintileReturn - bottomQuintileReturn;
  }
}
