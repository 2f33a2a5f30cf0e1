package dev.ballast.rebalancer.backtest;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetOverrides;
import dev.ballast.core.asset.AssetRegistry;
import dev.ballast.core.importer.HistoryFiles;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.testing.SharedData;
import dev.ballast.ratings.grade.GradeWeights;
import dev.ballast.ratings.grade.Grader;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegMonitor;
import dev.ballast.ratings.peg.PegThresholds;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Market contexts for the backtest tests, built as the application builds them. */
final class Contexts {

  private static MarketContext simulated;

  private Contexts() {}

  /** The default simulated market (seed 42, 2019..2025), built once per test JVM. */
  static synchronized MarketContext simulated() {
    if (simulated == null) {
      SimulatedMarket market = SimulatedMarket.generate(SimulationSettings.defaults());
      simulated = of(market.assets(), market.allSeries(), market.settings().start(),
          market.settings().end());
    }
    return simulated;
  }

  /** Every CoinGecko export of the shared data, classified by the built-in registry. */
  static MarketContext realData() {
    List<Asset> assets = new ArrayList<>();
    List<PriceSeries> series = new ArrayList<>();
    LocalDate from = LocalDate.MAX;
    LocalDate to = LocalDate.MIN;
    AssetRegistry registry = AssetRegistry.builtIn();
    for (Path file : HistoryFiles.expand(List.of(SharedData.coingecko()))) {
      PriceSeries s = HistoryFiles.parse(file, Optional.empty()).toSeries();
      assets.add(registry.classify(s.asset(), AssetOverrides.none()));
      series.add(s);
      from = s.firstDate().isBefore(from) ? s.firstDate() : from;
      to = s.lastDate().isAfter(to) ? s.lastDate() : to;
    }
    return of(assets, series, from, to);
  }

  static MarketContext of(List<Asset> assets, List<PriceSeries> series, LocalDate from,
      LocalDate to) {
    MarketPanel panel = MarketPanel.of(assets, series, from, to);
    List<Asset> stablecoins = new ArrayList<>();
    List<PriceSeries> stableSeries = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      if (assets.get(i).isStablecoin()) {
        stablecoins.add(assets.get(i));
        AssetId id = assets.get(i).id();
        stableSeries.add(series.stream().filter(s -> s.asset().equals(id)).findFirst()
            .orElseThrow());
      }
    }
    return MarketContext.of(panel, Grader.gradeAll(panel, GradeWeights.defaults()),
        PegMonitor.assess(stablecoins, stableSeries, PegThresholds.defaults()),
        RegimeSettings.defaults());
  }
}
