package dev.ballast.rebalancer.engine;

import static dev.ballast.rebalancer.engine.TinyMarket.A;
import static dev.ballast.rebalancer.engine.TinyMarket.USDB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.AssetId;
import dev.ballast.rebalancer.index.Caps;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OffCycleTest {

  /** USDB falls to 0.90 on days 115 to 117: DEPEG on day 115. */
  private static final MarketContext CTX = TinyMarket.context(130, d -> 100, d -> 50,
      d -> d >= 115 && d < 118 ? 0.90 : 1.0, RegimeSettings.defaults());
  private static final int DEPEG = 115;
  private static final int USDB_INDEX = CTX.panel().indexOf(USDB);
  private static final int A_INDEX = CTX.panel().indexOf(A);

  /** The tiny index with a minimum trade of 100 USD. */
  private static IndexDefinition definition(boolean overlay) {
    IndexDefinition d = TinyMarket.definition(2, Caps.none(), 10, 0.02, overlay);
    return new IndexDefinition(d.id(), d.name(), d.description(), d.universe(), d.selection(),
        d.weighting(), d.caps(), d.rebalanceCron(), d.driftBand(), new BigDecimal("100"),
        d.feeBps(), d.regimeOverlay());
  }

  @Test
  void aDepeggedStablecoinCountsOnlyWhenWorthTheMinimumTrade() {
    OffCycle rule = OffCycle.of(definition(false), CTX);

    // 200 × 0.90 = 180 USD: sold by the planner, so a reason to rebalance.
    assertThat(rule.depeg(DEPEG, new int[] {USDB_INDEX}, new double[] {200})).isTrue();
    // 100 × 0.90 = 90 USD: dust below the minimum trade that the planner would not sell.
    assertThat(rule.depeg(DEPEG, new int[] {USDB_INDEX}, new double[] {100})).isFalse();
    // Before the depeg, and a coin that is no stablecoin, whatever it is worth.
    assertThat(rule.depeg(DEPEG - 1, new int[] {USDB_INDEX}, new double[] {1e6})).isFalse();
    assertThat(rule.depeg(DEPEG, new int[] {A_INDEX}, new double[] {1e6})).isFalse();
    assertThat(rule.depegReason(DEPEG, new int[] {A_INDEX, USDB_INDEX}, new double[] {1e6, 200}))
        .startsWith("USDB is DEPEG on " + CTX.panel().date(DEPEG) + ": ");
  }

  @Test
  void theLiveFormDecidesAndSaysWhyAsTheBacktesterDoes() {
    OffCycle rule = OffCycle.of(definition(false), CTX);
    String why = rule.depegReason(DEPEG, new int[] {USDB_INDEX}, new double[] {200});

    assertThat(rule.reason(DEPEG, Map.of(USDB, new BigDecimal("200"), A, BigDecimal.TEN),
        Regime.NEUTRAL, 0)).contains(why);
    assertThat(rule.reason(DEPEG, Map.of(USDB, new BigDecimal("100")), Regime.NEUTRAL, 0))
        .isEmpty();
    // A held asset the panel does not have cannot be DEPEG here.
    assertThat(rule.reason(DEPEG, Map.of(AssetId.of("GONE"), BigDecimal.ONE), Regime.NEUTRAL, 0))
        .isEmpty();
  }

  @Test
  void aRegimeChangeCountsOnlyForAnIndexWithTheOverlay() {
    OffCycle overlay = OffCycle.of(definition(true), CTX);
    OffCycle plain = OffCycle.of(definition(false), CTX);
    double now = CTX.regimes().stablecoinFraction(DEPEG);
    double other = now == 0 ? 0.5 : 0;

    assertThat(overlay.regimeChanged(DEPEG, now)).isFalse();
    assertThat(overlay.regimeChanged(DEPEG, other)).isTrue();
    assertThat(plain.regimeChanged(DEPEG, other)).isFalse();
    assertThat(overlay.reason(DEPEG, Map.of(), Regime.RISK_ON, other))
        .isEqualTo(Optional.of(overlay.regimeReason(DEPEG, Regime.RISK_ON, other)));
    assertThat(overlay.regimeReason(DEPEG, Regime.RISK_ON, other))
        .startsWith("regime RISK_ON → " + CTX.regimes().regime(DEPEG) + ": stablecoin fraction ");
    // Both on one day: one reason with both, the regime's first, as a backtest writes it.
    assertThat(overlay.reason(DEPEG, Map.of(USDB, new BigDecimal("200")), Regime.RISK_ON, other))
        .contains(overlay.regimeReason(DEPEG, Regime.RISK_ON, other) + "; "
            + overlay.depegReason(DEPEG, new int[] {USDB_INDEX}, new double[] {200}));
  }
}
