package dev.ballast.ratings.peg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PegThresholdsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    PegThresholds t = PegThresholds.defaults();
    assertThat(t.watchDeviation()).isEqualTo(0.0075);
    assertThat(t.depegDeviation()).isEqualTo(0.02);
    assertThat(t.watchIntraday()).isEqualTo(0.01);
    assertThat(t.depegIntraday()).isEqualTo(0.05);
    assertThat(t.persistenceDays()).isEqualTo(3);
    assertThat(t.persistenceWindow()).isEqualTo(7);
    assertThat(t.maxCapDrop30d()).isEqualTo(0.5);
    assertThat(t.minVolumeToCap()).isEqualTo(0.0005);
    assertThat(t.minNonUsdWitnesses()).isEqualTo(2);
  }

  @Test
  void badValuesAreRefusedWithTheValue() {
    assertThatThrownBy(() -> new PegThresholds(0, 0.02, 0.01, 0.05, 3, 7, 0.5, 0.0005, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("watchDeviation must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> new PegThresholds(Double.NaN, 0.02, 0.01, 0.05, 3, 7, 0.5, 0.0005, 2))
        .hasMessageContaining("was NaN");
    assertThatThrownBy(() -> new PegThresholds(0.03, 0.02, 0.03, 0.05, 3, 7, 0.5, 0.0005, 2))
        .hasMessageContaining("watchDeviation must be below depegDeviation, was 0.03 >= 0.02");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.06, 0.05, 3, 7, 0.5, 0.0005, 2))
        .hasMessageContaining("watchIntraday must be below depegIntraday");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.004, 0.05, 3, 7, 0.5, 0.0005, 2))
        .hasMessageContaining("intraday bands must be at least the close bands");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.01, 0.05, 8, 7, 0.5, 0.0005, 2))
        .hasMessageContaining("persistenceDays must be in [1, persistenceWindow = 7], was 8");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.01, 0.05, 3, 31, 0.5, 0.0005, 2))
        .hasMessageContaining("persistenceWindow must be in [1, 30] days, was 31");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.01, 0.05, 3, 7, 0, 0.0005, 2))
        .hasMessageContaining("maxCapDrop30d must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.01, 0.05, 3, 7, 0.5, -1, 2))
        .hasMessageContaining("minVolumeToCap must be in [0, 1), was -1.0");
    assertThatThrownBy(() -> new PegThresholds(0.005, 0.02, 0.01, 0.05, 3, 7, 0.5, 0.0005, 0))
        .hasMessageContaining("minNonUsdWitnesses must be at least 1, was 0");
  }

  @Test
  void withersKeepTheBandsConsistent() {
    PegThresholds t = PegThresholds.defaults().withCloseBands(0.005, 0.03);
    assertThat(t.watchDeviation()).isEqualTo(0.005);
    assertThat(t.depegDeviation()).isEqualTo(0.03);
    assertThat(t.watchIntraday()).isEqualTo(0.01);
    assertThat(t.depegIntraday()).isEqualTo(0.05);
    assertThat(PegThresholds.defaults().withCloseBands(0.02, 0.06).watchIntraday()).isEqualTo(0.02);
    assertThat(PegThresholds.defaults().withPersistence(2, 5).persistenceWindow()).isEqualTo(5);
  }
}
