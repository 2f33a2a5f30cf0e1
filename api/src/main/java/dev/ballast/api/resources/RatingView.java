package dev.ballast.api.resources;

import dev.ballast.ratings.grade.FactorScore;
import dev.ballast.ratings.grade.Grade;
import dev.ballast.ratings.store.StoredGrade;
import java.time.LocalDate;
import java.util.List;

/**
 * An asset's grades on one day as the API shows them: grades 0-100 rounded to two decimals
 * (null where there is none), the change since the previous graded day, the trader zone, the
 * recommendation, the +1/0/-1 signal, and the factor breakdowns that explain both grades.
 */
record RatingView(
    String symbol,
    LocalDate date,
    Double traderGrade,
    Double investorGrade,
    Double traderGradeChange,
    Double investorGradeChange,
    String zone,
    String recommendation,
    int signal,
    List<FactorView> traderBreakdown,
    List<FactorView> investorBreakdown) {

  /** One factor's part in a grade: raw value, percentile rank 0-100, weight, points added. */
  record FactorView(String factor, Double raw, Double percentile, double weight,
      Double contribution) {
    static FactorView of(FactorScore s) {
      return new FactorView(s.factor(), known(s.raw()), known(s.percentile()), s.weight(),
          known(s.contribution()));
    }
  }

  static RatingView of(StoredGrade stored) {
    Grade g = stored.grade();
    return new RatingView(
        g.asset().symbol(),
        g.date(),
        rounded(g.traderGrade()),
        rounded(g.investorGrade()),
        rounded(stored.traderChange()),
        rounded(stored.investorChange()),
        g.zone() == null ? null : AssetView.label(g.zone()),
        g.recommendation() == null ? null : AssetView.label(g.recommendation()),
        stored.signal(),
        g.traderBreakdown().stream().map(FactorView::of).toList(),
        g.investorBreakdown().stream().map(FactorView::of).toList());
  }

  static Double rounded(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
  }

  static Double known(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
