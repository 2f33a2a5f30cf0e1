package dev.ballast.ratings.evaluation;

import java.util.List;

/**
 * How well a grade ranked assets by their forward return over history. Returns are simple fractions
 * over {@code horizon} days, averaged over the evaluated dates. Immutable and thread-safe.
 *
 * @param horizon the forward-return horizon in days
 * @param dates how many cross-sections were evaluated (dates with too few assets, or with every
 *     grade or every return tied, are left out)
 * @param meanSpearman the mean rank information coefficient; NaN with no date
 * @param spearmanTStat {@code mean / (stdev / sqrt(dates))}; overlapping horizons (step below the
 *     horizon) make successive ICs share returns and inflate it. NaN with fewer than 2 dates, or
 *     when every IC is 0; infinite when every IC is the same non-zero value
 * @param hitRate the share of dates with a positive IC
 * @param series the evaluated dates, in order
 */
public record EvaluationResult(
    int horizon,
    int dates,
    double meanSpearman,
    double spearmanTStat,
    double hitRate,
    double meanTopQuintileReturn,
    double meanBottomQuintileReturn,
    double meanSpread,
    List<DatedIc> series) {

  public EvaluationResult {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizon);
    }
    series = List.copyOf(series);
    if (dates != series.size()) {
      throw new IllegalArgumentException(
          "dates must count the series, was " + dates + " for " + series.size());
    }
  }
}
