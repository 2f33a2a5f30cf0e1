package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.Collateral;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradeWeightsTest {

  @Test
  void defaultsNameEveryFactorAndEachFamilySumsToHundred() {
    GradeWeights w = GradeWeights.defaults();
    for (Factor.Family family : Factor.Family.values()) {
      assertThat(w.of(family).keySet()).containsExactlyInAnyOrderElementsOf(Factor.of(family));
      assertThat(w.total(family)).isEqualTo(100);
    }
    assertThat(w.collateralScore(Collateral.FIAT_BACKED)).isEqualTo(1.0);
    assertThat(w.collateralScore(Collateral.ALGORITHMIC)).isEqualTo(0.2);
    assertThat(w.minWeightFraction()).isEqualTo(0.5);
  }

  @Test
  void rejectsNegativeOrNonFiniteWeightsNamingTheValue() {
    GradeWeights w = GradeWeights.defaults();
    assertThatThrownBy(() -> w.with(Factor.ROC_7, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trader weight of ROC_7 must be a finite number >= 0, was -1.0");
    assertThatThrownBy(() -> w.with(Factor.SIZE, Double.NaN))
        .hasMessage("investor weight of SIZE must be a finite number >= 0, was NaN");
    assertThatThrownBy(() -> w.with(Factor.COLLATERAL, Double.POSITIVE_INFINITY))
        .hasMessage("stablecoin weight of COLLATERAL must be a finite number >= 0, was Infinity");
  }

  @Test
  void rejectsAllZeroMissingOrMisplacedFactors() {
    Map<String, Double> trader = plain(Factor.Family.TRADER, 0);
    assertThatThrownBy(() -> fromPlain(trader, plain(Factor.Family.INVESTOR, 1), 0.5))
        .hasMessage("trader weights must sum to more than 0, were 0.0");
    Map<String, Double> missing = plain(Factor.Family.TRADER, 1);
    missing.remove("RSI_14");
    missing.remove("ROC_7");
    assertThatThrownBy(() -> fromPlain(missing, plain(Factor.Family.INVESTOR, 1), 0.5))
        .hasMessage("trader weights must name every factor (0 to leave one out); missing: ROC_7,"
            + " RSI_14");
    Map<String, Double> misplaced = plain(Factor.Family.TRADER, 1);
    misplaced.put("sharpe_365", 1.0);
    assertThatThrownBy(() -> fromPlain(misplaced, plain(Factor.Family.INVESTOR, 1), 0.5))
        .hasMessage("SHARPE_365 is a investor factor, not a trader one");
  }

  @Test
  void rejectsUnknownNamesListingTheKnownOnes() {
    Map<String, Double> trader = plain(Factor.Family.TRADER, 1);
    trader.put("rsi_15", 1.0);
    assertThatThrownBy(() -> fromPlain(trader, plain(Factor.Family.INVESTOR, 1), 0.5))
        .hasMessageStartingWith("unknown factor \"rsi_15\"; known: ROC_7, ROC_30");
  }

  @Test
  void rejectsBadCollateralScoresAndFractions() {
    Map<String, Double> collateral = new HashMap<>(Map.of("fiat", 1.0, "crypto", 0.7,
        "algorithmic", 0.2, "commodity", 1.5));
    assertThatThrownBy(
            () ->
                GradeWeights.fromPlain(
                    plain(Factor.Family.TRADER, 1),
                    plain(Factor.Family.INVESTOR, 1),
                    plain(Factor.Family.STABLECOIN, 1),
                    collateral,
                    0.5))
        .hasMessage("collateral score of commodity-backed must be in [0, 1], was 1.5");
    collateral.remove("commodity");
    assertThatThrownBy(
            () ->
                GradeWeights.fromPlain(
                    plain(Factor.Family.TRADER, 1),
                    plain(Factor.Family.INVESTOR, 1),
                    plain(Factor.Family.STABLECOIN, 1),
                    collateral,
                    0.5))
        .hasMessage("collateral score missing for commodity-backed");
    assertThatThrownBy(
            () -> fromPlain(plain(Factor.Family.TRADER, 1), plain(Factor.Family.INVESTOR, 1), 0))
        .hasMessage("minWeightFraction must be in (0, 1], was 0.0");
  }

  @Test
  void plainValuesBindInAnyCase() {
    Map<String, Double> trader = plain(Factor.Family.TRADER, 1);
    trader.put("roc-30", 3.0);
    GradeWeights w = fromPlain(trader, plain(Factor.Family.INVESTOR, 2), 0.6);
    assertThat(w.weight(Factor.ROC_30)).isEqualTo(3);
    assertThat(w.weight(Factor.ROC_7)).isEqualTo(1);
    assertThat(w.weight(Factor.SIZE)).isEqualTo(2);
    assertThat(w.total(Factor.Family.TRADER)).isEqualTo(10);
    assertThat(w.trader()).isUnmodifiable();
  }

  private static GradeWeights fromPlain(
      Map<String, Double> trader, Map<String, Double> investor, double fraction) {
    return GradeWeights.fromPlain(
        trader,
        investor,
        plain(Factor.Family.STABLECOIN, 1),
        Map.of("fiat", 1.0, "crypto", 0.7, "algorithmic", 0.2, "commodity", 0.8),
        fraction);
  }

  private static Map<String, Double> plain(Factor.Family family, double weight) {
    Map<String, Double> m = new HashMap<>();
    Factor.of(family).forEach(f -> m.put(f.name(), weight));
    return m;
  }
}
