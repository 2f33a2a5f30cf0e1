package dev.ballast.rebalancer.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegimeSettingsTest {

  private static final RegimeSettings D = RegimeSettings.defaults();

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(D.volWindow()).isEqualTo(30);
    assertThat(D.volHistory()).isEqualTo(365);
    assertThat(D.trendShort()).isEqualTo(50);
    assertThat(D.trendLong()).isEqualTo(200);
    assertThat(D.stablecoinFraction(Regime.RISK_ON)).isZero();
    assertThat(D.stablecoinFraction(Regime.NEUTRAL)).isEqualTo(0.5);
    assertThat(D.stablecoinFraction(Regime.RISK_OFF)).isEqualTo(1.0);
    assertThat(D.warmUpDays()).isEqualTo(200);
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> D.withFractions(0.6, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.6 / 0.5 / 1.0");
    assertThatThrownBy(() -> D.withFractions(0, 0.5, 1.5))
        .hasMessage("riskOffFraction must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> D.withHysteresis(0, 10))
        .hasMessage("confirmDays must be at least 1, was 0");
    assertThatThrownBy(() -> D.withWindows(30, 365, 90, 200, 200))
        .hasMessage("trendLong must be above trendShort 200, was 200");
    assertThatThrownBy(() -> D.withWindows(30, 60, 90, 50, 200))
        .hasMessage("volMinHistory must be at most volHistory 60, was 90");
  }
}
