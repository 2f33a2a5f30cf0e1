package dev.ballast.ratings.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketPanelTest {

  private static final AssetId BTC = AssetId.of("BTC");
  private static final LocalDate D1 = LocalDate.of(2024, 1, 1);

  @Test
  void linesSeriesUpOnADenseCalendarWithNaNHoles() {
    PriceSeries s =
        PriceSeries.of(
            BTC,
            List.of(
                new DailyBar(BTC, D1, 1, 12, 9, 10, 100, 1000),
                DailyBar.ofClose(BTC, D1.plusDays(2), 11, 110, 1100)));
    Asset eth = Asset.coin(AssetId.of("ETH"), null);
    MarketPanel p =
        MarketPanel.of(List.of(Asset.coin(BTC, null), eth), List.of(s), D1, D1.plusDays(3));
    assertThat(p.days()).isEqualTo(4);
    assertThat(p.closes(0)).containsExactly(10, Double.NaN, 11, Double.NaN);
    assertThat(p.highs(0)).containsExactly(12, Double.NaN, Double.NaN, Double.NaN);
    assertThat(p.marketCaps(0)).containsExactly(1000, Double.NaN, 1100, Double.NaN);
    assertThat(p.closes(1)).containsOnly(Double.NaN);
    assertThat(p.dayOf(D1.plusDays(2))).isEqualTo(2);
    assertThat(p.dayOf(D1.minusDays(1))).isEqualTo(-1);
    assertThat(p.indexOf(AssetId.of("ETH"))).isEqualTo(1);
  }

  @Test
  void copiesOnTheWayInAndOut() {
    double[][] close = {{1, 2, 3}};
    MarketPanel p =
        MarketPanel.ofColumns(
            List.of(Asset.coin(BTC, null)), D1, close, null, null, new double[][] {{1, 1, 1}},
            new double[][] {{5, 5, 5}});
    close[0][0] = 99;
    p.closes(0)[1] = 99;
    assertThat(p.closes(0)).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    List<Asset> btc = List.of(Asset.coin(BTC, null));
    double[][] ok = {{1, 1}};
    assertThatThrownBy(
            () -> MarketPanel.ofColumns(btc, D1, new double[][] {{1, -2}}, null, null, ok, ok))
        .hasMessage("close of BTC on day 1 must be positive, finite or NaN, was -2.0");
    assertThatThrownBy(
            () -> MarketPanel.ofColumns(btc, D1, ok, null, null, new double[][] {{1}}, ok))
        .hasMessage("volume column 0 has 1 days, expected 2");
    assertThatThrownBy(
            () -> MarketPanel.ofColumns(btc, D1, ok, new double[][] {{1, 1}},
                new double[][] {{1, 2}}, ok, ok))
        .hasMessage("high 1.0 is below low 2.0 for BTC on day 1");
    PriceSeries eth = PriceSeries.of(AssetId.of("ETH"), List.of());
    assertThatThrownBy(() -> MarketPanel.of(btc, List.of(eth), D1, D1))
        .hasMessage("series of assets not in the list: [ETH]");
  }
}
