package dev.ballast.api.resources;

import dev.ballast.ratings.store.StoredGrade;
import java.time.LocalDate;

/** An asset's trading signal on one day (+1 bullish, 0 neutral, -1 bearish) and its cause. */
record SignalView(String symbol, LocalDate date, int signal, Double traderGrade) {

  static SignalView of(StoredGrade stored) {
    return new SignalView(stored.grade().asset().symbol(), stored.grade().date(),
        stored.signal(), RatingView.rounded(stored.grade().traderGrade()));
  }
}
