package dev.ballast.rebalancer.sleeve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegMonitor;
import dev.ballast.ratings.peg.PegReport;
import dev.ballast.ratings.peg.PegThresholds;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sleeve on the simulated market's scripted stablecoin events. */
class SleeveSimulatedMarketTest {

  private static final AssetId CASH = AssetId.of("SIMCASH");
  private static final AssetId ALGO = AssetId.of("SIMALGO");
  private static final AssetId GOLD = AssetId.of("SIMGOLD");
  private static final AssetId USD = AssetId.of("SIMUSD");
  private static MarketPanel panel;
  private static PegReport pegs;
  private static List<Asset> stablecoins;

  @BeforeAll
  static void setUp() {
    SimulatedMarket market = SimulatedMarket.generate(SimulationSettings.defaults());
    SimulationSettings s = market.settings();
    panel = MarketPanel.of(market.assets(), market.allSeries(), s.start(), s.end());
    stablecoins = market.assets().stream().filter(Asset::isStablecoin).toList();
    pegs = PegMonitor.assess(stablecoins,
        stablecoins.stream().map(a -> market.series(a.id())).toList(), PegThresholds.defaults());
  }

  private static SleeveWeights on(LocalDate date, Set<AssetId> held) {
    return StablecoinSleeve.weights(
        stablecoins, panel, panel.dayOf(date), pegs, SleeveSettings.defaults(), held);
  }

  @Test
  void aCalmDayHoldsFourCoinsWithinTheCaps() {
    SleeveWeights w = on(LocalDate.of(2021, 6, 1), Set.of());
    assertThat(w.weights()).containsKeys(USD, CASH).doesNotContainKeys(ALGO, GOLD);
    assertThat(w.weights().values()).allMatch(x -> x <= 0.5 + 1e-12);
    assertThat(w.cash()).isLessThan(1e-9);
    assertThat(w.exclusions()).anyMatch(e -> e.startsWith("SIMALGO: algorithmic"))
        .anyMatch(e -> e.startsWith("SIMGOLD: pegged to XAU"));
  }

  @Test
  void theFiatDepegExcludesTheCoinAndFiresTheWatch() {
    LocalDate start = LocalDate.of(2023, 3, 10);
    assertThat(DepegWatch.offCycleNeeded(Set.of(USD, CASH), pegs, start.minusDays(1))).isEmpty();
    for (int i = 0; i < 5; i++) {
      LocalDate d = start.plusDays(i);
      assertThat(on(d, Set.of(CASH)).weights()).as(d.toString()).doesNotContainKey(CASH);
      assertThat(DepegWatch.offCycleNeeded(Set.of(USD, CASH), pegs, d))
          .as(d.toString()).hasValueSatisfying(r -> assertThat(r).startsWith("SIMCASH is DEPEG"));
    }
    assertThat(DepegWatch.offCycleNeeded(Set.of(USD), pegs, start)).isEmpty();
  }

  @Test
  void theAlgorithmicCollapseFiresTheWatchWhenHeld() {
    assertThat(DepegWatch.offCycleNeeded(Set.of(ALGO), pegs, LocalDate.of(2022, 5, 10)))
        .isPresent();
    SleeveWeights allowed = StablecoinSleeve.weights(stablecoins, panel,
        panel.dayOf(LocalDate.of(2022, 5, 10)), pegs,
        SleeveSettings.defaults().withAllowAlgorithmic(true), Set.of(ALGO));
    assertThat(allowed.weights()).doesNotContainKey(ALGO);
  }
}
