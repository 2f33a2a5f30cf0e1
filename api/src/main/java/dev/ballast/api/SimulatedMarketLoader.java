package dev.ballast.api;

import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills an empty database with the simulated market, the offline default. */
final class SimulatedMarketLoader {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedMarketLoader.class);

  private final MarketStore store;

  @Inject
  SimulatedMarketLoader(MarketStore store) {
    this.store = store;
  }

  /** Loads the market of {@code seed} unless the database already holds any market data. */
  boolean loadIfEmpty(long seed) {
    if (store.origin().isPresent()) {
      return false;
    }
    SimulationSettings defaults = SimulationSettings.defaults();
    SimulationSettings settings =
        new SimulationSettings(seed, defaults.start(), defaults.end(), defaults.coins());
    long started = System.nanoTime();
    SimulatedMarket market = SimulatedMarket.generate(settings);
    boolean loaded = store.loadIfEmpty(DatasetOrigin.SIMULATED,
        "simulated market, seed " + seed + ", " + settings.start() + " to " + settings.end(),
        market.assets(), market.allSeries());
    if (loaded) {
      LOG.info("loaded the simulated market (seed {}, {} assets) in {} ms", seed,
          market.assets().size(), (System.nanoTime() - started) / 1_000_000);
    }
    return loaded;
  }
}
