package dev.ballast.rebalancer.sleeve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StablecoinSleeveTest {

  @Test
  void weightsFollowLiquidityWhenNoCapBinds() {
    double[] w = StablecoinSleeve.capped(List.of(3.0, 2.0, 1.0), List.of("a", "b", "c"), 1, 1);
    assertThat(w).containsExactly(new double[] {0.5, 1 / 3.0, 1 / 6.0},
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theIssuerCapHoldsForTwoCoinsOfOneIssuer() {
    double[] w = StablecoinSleeve.capped(
        List.of(4.0, 4.0, 1.0, 1.0), List.of("x", "x", "y", "z"), 0.5, 0.5);
    assertThat(w[0] + w[1]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(w[2]).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(w[3]).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void infeasibleCapsLeaveCash() {
    double[] w = StablecoinSleeve.capped(List.of(1.0), List.of("x"), 0.5, 0.5);
    assertThat(w).containsExactly(0.5);
  }

  @Test
  void medianVolumeNeedsHalfTheWindow() {
    double nan = Double.NaN;
    assertThat(StablecoinSleeve.medianVolume(new double[] {1, 5, 3, nan}, 3, 4)).isEqualTo(3);
    assertThat(StablecoinSleeve.medianVolume(new double[] {1, nan, nan, nan}, 3, 4)).isNaN();
  }

  @Test
  void settingsNameBadValues() {
    assertThatThrownBy(() -> SleeveSettings.defaults().withCaps(0, 0.5))
        .hasMessage("maxCoinWeight must be in (0, 1], was 0.0");
  }
}
