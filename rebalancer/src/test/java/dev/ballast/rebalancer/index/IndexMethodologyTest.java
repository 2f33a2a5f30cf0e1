package dev.ballast.rebalancer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.ratings.grade.MarketPanel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexMethodologyTest {

  private static final int DAYS = 120;

  // Market caps in USD: BIG, MID, SMALL (9M: above the 8M member buffer only), NEW (60 days), USDC.
  private static final List<Asset> ASSETS = List.of(
      Asset.coin(AssetId.of("BIG"), null),
      Asset.coin(AssetId.of("MID"), null),
      Asset.coin(AssetId.of("SMALL"), null),
      Asset.coin(AssetId.of("NEW"), null),
      Asset.stablecoin(AssetId.of("USDC"), null, StablecoinTerms.usd(Collateral.FIAT_BACKED, "Circle")));

  private static MarketPanel panel() {
    double[] caps = {900e6, 100e6, 9e6, 500e6, 1e9};
    int n = ASSETS.size();
    double[][] close = new double[n][DAYS];
    double[][] volume = new double[n][DAYS];
    double[][] cap = new double[n][DAYS];
    for (int a = 0; a < n; a++) {
      Arrays.fill(close[a], 1);
      Arrays.fill(volume[a], 1e6);
      Arrays.fill(cap[a], caps[a]);
    }
    for (int d = 0; d < 60; d++) { // NEW lists on day 60
      close[3][d] = Double.NaN;
      volume[3][d] = Double.NaN;
      cap[3][d] = Double.NaN;
    }
    return MarketPanel.ofColumns(ASSETS, LocalDate.of(2024, 1, 1), close, null, null, volume, cap);
  }

  private static IndexDefinition definition(int count, Caps caps) {
    return new IndexDefinition(IndexId.of("t"), "T", null, UniverseRules.broadMarketDefaults(),
        new Selection(Selection.Method.TOP_MARKET_CAP, count),
        Weighting.of(Weighting.Method.MARKET_CAP), caps, "0 0 0 ? * MON", 0.02, BigDecimal.TEN, 10,
        true);
  }

  @Test
  void stablecoinsNewcomersAndSmallNonMembersAreOutMembersKeepTheirBuffer() {
    TargetWeights newcomer =
        IndexMethodology.targetWeights(definition(2, new Caps(0.6, 0.6)), panel(), DAYS - 1,
            Set.of(), null);
    assertThat(newcomer.asMap().keySet()).containsExactly(AssetId.of("BIG"), AssetId.of("MID"));
    assertThat(newcomer.eligibleCount()).isEqualTo(2);
    assertThat(newcomer.exclusions()).extracting(Exclusion::reason).anyMatch(r ->
        r.startsWith("stablecoin")).anyMatch(r -> r.startsWith("history 60 days < 90"))
        .anyMatch(r -> r.startsWith("market cap 9.00e+06 USD < 1.00e+07"));
    assertThat(newcomer.weights().get(0).weight()).isCloseTo(0.6, within(1e-12));
    assertThat(newcomer.weights().get(1).weight()).isCloseTo(0.4, within(1e-12));

    TargetWeights member =
        IndexMethodology.targetWeights(definition(3, new Caps(0.6, 0.6)), panel(), DAYS - 1,
            Set.of(AssetId.of("SMALL")), null);
    assertThat(member.asMap()).containsKey(AssetId.of("SMALL"));
    assertThat(member.asMap().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void tooFewEligibleForTheCapsIsAnError() {
    assertThatThrownBy(() -> IndexMethodology.targetWeights(
            IndexDefinitions.builtIn("top10-mcap"), panel(), DAYS - 1, Set.of(), null))
        .isInstanceOf(InfeasibleCapsException.class)
        .hasMessageContaining("2 asset(s)");
  }

  @Test
  void gradeIndexNeedsGrades() {
    assertThatThrownBy(() -> IndexMethodology.targetWeights(
            IndexDefinitions.builtIn("top20-grade"), panel(), DAYS - 1, Set.of(), null))
        .hasMessageContaining("needs investor grades");
  }
}
