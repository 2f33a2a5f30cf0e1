package dev.ballast.ratings.peg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.market.sim.ScriptedEvent;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated market's scripted stablecoin events, found from its daily highs and lows. */
class PegSimulatedMarketTest {

  private static final AssetId ALGO = AssetId.of("SIMALGO");
  private static final AssetId CASH = AssetId.of("SIMCASH");
  private static final List<AssetId> STEADY =
      List.of(
          AssetId.of("SIMUSD"),
          AssetId.of("SIMPAY"),
          AssetId.of("SIMVAULT"),
          AssetId.of("SIMSAFE"));

  private static SimulatedMarket market;
  private static PegReport report;

  @BeforeAll
  static void assess() {
    market = SimulatedMarket.generate(SimulationSettings.defaults());
    List<Asset> stablecoins = market.assets().stream().filter(Asset::isStablecoin).toList();
    report =
        PegMonitor.assess(
            stablecoins,
            stablecoins.stream().map(a -> market.series(a.id())).toList(),
            PegThresholds.defaults());
  }

  private static ScriptedEvent event(AssetId asset) {
    return market.events().stream().filter(e -> e.asset().equals(asset)).findFirst().orElseThrow();
  }

  private static PegStatus status(AssetId asset, LocalDate date) {
    return report.on(asset, date).orElseThrow().status();
  }

  @Test
  void theAlgorithmicCollapseIsDepegAndStaysDepeg() {
    ScriptedEvent collapse = event(ALGO);
    assertThat(status(ALGO, collapse.start())).isEqualTo(PegStatus.WATCH);
    assertThat(status(ALGO, collapse.start().plusDays(2))).isEqualTo(PegStatus.DEPEG);
    PegHistory h = report.history(ALGO);
    for (int i = h.indexOf(collapse.start().plusDays(2)); i < h.size(); i++) {
      assertThat(h.status(i)).as(h.date(i).toString()).isEqualTo(PegStatus.DEPEG);
    }
    assertThat(report.on(ALGO, collapse.end()).orElseThrow().liquidityWarning()).isTrue();
    for (int i = 0; i < h.indexOf(collapse.start()); i++) {
      assertThat(h.status(i)).isNotEqualTo(PegStatus.DEPEG);
    }
  }

  @Test
  void theFiatDepegIsCaughtFromTheLowAndClearsWithinTenDays() {
    ScriptedEvent depeg = event(CASH);
    PegHealth first = report.on(CASH, depeg.start()).orElseThrow();
    assertThat(first.status()).isEqualTo(PegStatus.DEPEG);
    assertThat(first.worstDeviation7d()).isEqualTo(0.88 - 1);
    assertThat(first.reasons()).anyMatch(s -> s.startsWith("low 0.8800 is 12.0% below"));
    // Off-peg on its own prices for four days (closes, then a 1.5% low on the fourth), so DEPEG
    // until three of them have left the 7-day window, eight days after the start.
    LocalDate back = depeg.start().plusDays(8);
    for (LocalDate d = depeg.start(); d.isBefore(back); d = d.plusDays(1)) {
      assertThat(status(CASH, d)).as(d.toString()).isEqualTo(PegStatus.DEPEG);
    }
    assertThat(status(CASH, depeg.start().minusDays(1))).isEqualTo(PegStatus.ON_PEG);
    PegHistory h = report.history(CASH);
    for (int i = h.indexOf(back); i < h.size(); i++) {
      assertThat(h.status(i)).as(h.date(i).toString()).isEqualTo(PegStatus.ON_PEG);
    }
  }

  @Test
  void theOtherStablecoinsStayOnPegThroughBothEvents() {
    for (ScriptedEvent e : market.events()) {
      for (LocalDate d = e.start().minusDays(3);
          !d.isAfter(e.end().plusDays(10));
          d = d.plusDays(1)) {
        for (AssetId coin : STEADY) {
          assertThat(status(coin, d)).as(coin + " " + d).isEqualTo(PegStatus.ON_PEG);
        }
        if (!e.asset().equals(CASH)) {
          assertThat(status(CASH, d)).as("SIMCASH " + d).isEqualTo(PegStatus.ON_PEG);
        }
      }
    }
  }

  @Test
  void theFiatAndGoldCoinsRaiseNoAlarmOutsideTheEvents() {
    for (AssetId coin : List.of(AssetId.of("SIMUSD"), AssetId.of("SIMPAY"))) {
      PegHistory h = report.history(coin);
      for (int i = 0; i < h.size(); i++) {
        assertThat(h.status(i)).as(coin + " " + h.date(i)).isEqualTo(PegStatus.ON_PEG);
        assertThat(h.liquidityWarning(i)).isFalse();
      }
    }
    // The only XAU coin has no witness: UNKNOWN, by design.
    PegHistory gold = report.history(AssetId.of("SIMGOLD"));
    assertThat(gold.status(gold.size() - 1)).isEqualTo(PegStatus.UNKNOWN);
  }
}
