package dev.ballast.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.AssetId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomWeightsTest {

  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId ETH = AssetId.of("ETH");

  @Test
  void weightsInZeroOneSummingToOneWithinTheToleranceAreSortedBySymbol() {
    CustomWeights w = new CustomWeights(Map.of(ETH, 0.4, BTC, 0.6 + 5e-10));
    assertThat(w.weights().keySet()).containsExactly(BTC, ETH);
  }

  @Test
  void refusesEmptyOutOfRangeBadSumsAndTooMany() {
    assertThatThrownBy(() -> new CustomWeights(Map.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new CustomWeights(Map.of(BTC, 1.5, ETH, -0.5)))
        .hasMessageContaining("must be in [0,1], was");
    assertThatThrownBy(() -> new CustomWeights(Map.of(BTC, 0.5, ETH, 0.4)))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> new CustomWeights(Map.of(BTC, Double.NaN, ETH, 1.0)))
        .hasMessageContaining("NaN");
    Map<AssetId, Double> many = new HashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put(AssetId.of("A" + i), 1.0 / 101);
    }
    assertThatThrownBy(() -> new CustomWeights(many)).hasMessageContaining("at most 100");
  }
}
