package dev.ballast.api.resources;

import dev.ballast.core.price.PriceSeries;
import java.time.LocalDate;

/** One daily bar as the API shows it: amounts in USD, null where the value is not known. */
record BarView(
    LocalDate date,
    Double open,
    Double high,
    Double low,
    double close,
    Double volume,
    Double marketCap) {

  static BarView of(PriceSeries s, int i) {
    return new BarView(s.date(i), known(s.open(i)), known(s.high(i)), known(s.low(i)),
        s.close(i), known(s.volume(i)), known(s.marketCap(i)));
  }

  private static Double known(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
