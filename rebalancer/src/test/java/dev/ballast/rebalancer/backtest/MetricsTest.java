package dev.ballast.rebalancer.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  @Test
  void upDownUpFromAHundred() {
    // Returns +10%, -10%, +10% on a capital of 100.
    Metrics m = Metrics.of(START, 100, new double[] {110, 99, 108.9}, 50, 0.25,
        new double[] {0, 0.5, 1});
    assertThat(m.start()).isEqualTo(START);
    assertThat(m.end()).isEqualTo(START.plusDays(2));
    assertThat(m.totalReturn()).isCloseTo(0.089, within(1e-12));
    assertThat(m.cagr()).isCloseTo(Math.pow(1.089, 365 / 3.0) - 1, within(1e-9));
    // mean 1/30; deviations 2/30, -4/30, 2/30; sample variance (4 + 16 + 4) / 900 / 2.
    double dailySd = Math.sqrt(24.0 / 900 / 2);
    assertThat(m.volatility()).isCloseTo(dailySd * Math.sqrt(365), within(1e-12));
    assertThat(m.sharpe()).isCloseTo((1 / 30.0) * 365 / (dailySd * Math.sqrt(365)),
        within(1e-9));
    // Downside: only -0.1 counts, over all three days.
    assertThat(m.sortino()).isCloseTo((1 / 30.0) * 365 / (Math.sqrt(0.01 / 3) * Math.sqrt(365)),
        within(1e-9));
    assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
    assertThat(m.calmar()).isCloseTo(m.cagr() / 0.1, within(1e-9));
    // 50 traded over 3 days: 25 one-way on an average value of 105.966..., × 365 / 3.
    assertThat(m.turnover()).isCloseTo(25 / ((110 + 99 + 108.9) / 3) * 365 / 3, within(1e-9));
    assertThat(m.feesPaid()).isEqualTo(0.25);
    assertThat(m.timeInStablecoins()).isCloseTo(0.5, within(1e-12));
    assertThat(m.finalValue()).isEqualTo(108.9);
  }

  @Test
  void aDrawdownCountsFromTheCapitalAndAFlatCurveHasNoRatios() {
    Metrics falling = Metrics.of(START, 100, new double[] {80, 90, 60}, 0, 0, new double[3]);
    assertThat(falling.maxDrawdown()).isCloseTo(0.4, within(1e-12));
    Metrics flat = Metrics.of(START, 100, new double[] {100, 100}, 0, 0, new double[2]);
    assertThat(flat.volatility()).isZero();
    assertThat(flat.sharpe()).isNaN();
    assertThat(flat.sortino()).isNaN();
    assertThat(flat.calmar()).isNaN();
  }
}
