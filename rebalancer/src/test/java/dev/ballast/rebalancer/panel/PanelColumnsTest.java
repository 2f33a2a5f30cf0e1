package dev.ballast.rebalancer.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PanelColumnsTest {

  @Test
  void cachedStatisticsEqualTheOnesComputedForOneDay() {
    SplittableRandom random = new SplittableRandom(7);
    int days = 400;
    double[][] close = new double[2][days];
    double[][] volume = new double[2][days];
    double[][] cap = new double[2][days];
    for (int a = 0; a < 2; a++) {
      double p = 10;
      for (int d = 0; d < days; d++) {
        p *= Math.exp(0.05 * (random.nextDouble() - 0.5));
        boolean gap = random.nextDouble() < 0.2 || (a == 1 && d < 50);
        close[a][d] = gap ? Double.NaN : p;
        // Few distinct values, so that ties and removals of equal values are exercised.
        volume[a][d] = gap ? Double.NaN : random.nextInt(8);
        cap[a][d] = gap ? Double.NaN : p * 1e6;
      }
    }
    MarketPanel panel = MarketPanel.ofColumns(
        List.of(Asset.coin(AssetId.of("X"), null), Asset.coin(AssetId.of("Y"), null)),
        LocalDate.of(2020, 1, 1), close, null, null, volume, cap);
    PanelColumns once = PanelColumns.of(panel);
    PanelColumns cached = PanelColumns.cached(panel);
    int checked = 0;
    for (int a = 0; a < 2; a++) {
      for (int d = 0; d < days; d++) {
        for (int window : new int[] {1, 4, 30}) {
          assertThat(cached.medianVolume(a, d, window)).as("median %d %d %d", a, d, window)
              .isEqualTo(Double.valueOf(once.medianVolume(a, d, window)));
          assertThat(cached.knownVolumes(a, d, window))
              .isEqualTo(once.knownVolumes(a, d, window));
          checked += Double.isNaN(once.medianVolume(a, d, window)) ? 0 : 1;
        }
        assertThat(cached.volatility(a, d, 10))
            .isEqualTo(Double.valueOf(once.volatility(a, d, 10)));
      }
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(once.firstClose(1)).isGreaterThanOrEqualTo(50);
    assertThat(PanelColumns.windowMedian(new double[] {1, 5, 3, Double.NaN}, 3, 4)).isEqualTo(3);
  }

  @Test
  void byMarketCapRanksByTheLastCapThenBySymbol() {
    double nan = Double.NaN;
    double[][] cap = {{5, nan, nan, nan}, {7, 7, 7, 7}, {5, 5, nan, 9}, {nan, nan, nan, nan}};
    double[][] close = {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}};
    MarketPanel panel = MarketPanel.ofColumns(
        List.of(Asset.coin(AssetId.of("D"), null), Asset.coin(AssetId.of("C"), null),
            Asset.coin(AssetId.of("B"), null), Asset.coin(AssetId.of("A"), null)),
        LocalDate.of(2020, 1, 1), close, null, null, close, cap);
    for (PanelColumns columns : List.of(PanelColumns.of(panel), PanelColumns.cached(panel))) {
      // Day 0: C 7, then B and D at 5 (B first by symbol), then A without a cap first of all.
      assertThat(columns.byMarketCap(0, 3)).containsExactly(3, 1, 2, 0);
      // Day 2: D's 5 is two days old, B's one day: both count within 3 days; within 0 days
      // only C has a cap, and the others come first, by symbol.
      assertThat(columns.byMarketCap(2, 3)).containsExactly(3, 1, 2, 0);
      assertThat(columns.byMarketCap(2, 0)).containsExactly(3, 2, 0, 1);
      assertThat(columns.byMarketCap(3, 3)).containsExactly(3, 2, 1, 0);
    }
  }
}
