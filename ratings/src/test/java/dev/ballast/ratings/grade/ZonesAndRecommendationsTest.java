package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZonesAndRecommendationsTest {

  @Test
  void zonesCutAtTheHalfSoThatRoundedGradesShowTheirOwnBand() {
    assertThat(TraderZone.of(0)).isEqualTo(TraderZone.CRASHING);
    assertThat(TraderZone.of(Math.nextDown(20.5))).isEqualTo(TraderZone.CRASHING);
    assertThat(TraderZone.of(20.5)).isEqualTo(TraderZone.LOSING);
    assertThat(TraderZone.of(Math.nextDown(40.5))).isEqualTo(TraderZone.LOSING);
    assertThat(TraderZone.of(40.5)).isEqualTo(TraderZone.STEADY);
    assertThat(TraderZone.of(Math.nextDown(60.5))).isEqualTo(TraderZone.STEADY);
    assertThat(TraderZone.of(60.5)).isEqualTo(TraderZone.GAINING);
    assertThat(TraderZone.of(Math.nextDown(80.5))).isEqualTo(TraderZone.GAINING);
    assertThat(TraderZone.of(80.5)).isEqualTo(TraderZone.SURGING);
    assertThat(TraderZone.of(100)).isEqualTo(TraderZone.SURGING);
    for (int g = 0; g <= 100; g++) {
      TraderZone expected =
          g <= 20
              ? TraderZone.CRASHING
              : g <= 40
                  ? TraderZone.LOSING
                  : g <= 60 ? TraderZone.STEADY : g <= 80 ? TraderZone.GAINING : TraderZone.SURGING;
      assertThat(TraderZone.of(g)).as("grade %d", g).isEqualTo(expected);
    }
  }

  @Test
  void zoneRejectsValuesOutsideTheScale() {
    assertThatThrownBy(() -> TraderZone.of(100.01))
        .hasMessage("grade must be in [0, 100], was 100.01");
    assertThatThrownBy(() -> TraderZone.of(Double.NaN))
        .hasMessage("grade must be in [0, 100], was NaN");
  }

  @Test
  void recommendationReadsTheMeanOfBothGrades() {
    assertThat(Recommendation.of(90, 75)).isEqualTo(Recommendation.STRONG_BUY);
    assertThat(Recommendation.of(100, 50)).isEqualTo(Recommendation.BUY);
    assertThat(Recommendation.of(70, 50)).isEqualTo(Recommendation.HOLD);
    assertThat(Recommendation.of(20, 40)).isEqualTo(Recommendation.SELL);
    assertThat(Recommendation.of(10, 30)).isEqualTo(Recommendation.STRONG_SELL);
    assertThat(Recommendation.of(20, 21)).isEqualTo(Recommendation.SELL); // mean 20.5
    assertThat(Recommendation.of(20, 20.99)).isEqualTo(Recommendation.STRONG_SELL);
  }

  @Test
  void withoutInvestorGradeTheTraderGradeAloneGivesAtMostBuyAndAtLeastSell() {
    assertThat(Recommendation.of(99, Double.NaN)).isEqualTo(Recommendation.BUY);
    assertThat(Recommendation.of(50, Double.NaN)).isEqualTo(Recommendation.HOLD);
    assertThat(Recommendation.of(1, Double.NaN)).isEqualTo(Recommendation.SELL);
    assertThat(Recommendation.of(Double.NaN, 90)).isEqualTo(Recommendation.NOT_RATED);
  }
}
