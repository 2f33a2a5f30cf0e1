package dev.ballast.api;

import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with the simulated market, the offline default, in the background:
 * writing its ~170,000 bars into a cold H2 takes several seconds, and the server should answer
 * (with a 503 "loading" problem) meanwhile rather than stay silent. A database that holds any
 * market data, simulated or imported, is left alone.
 */
final class SimulatedMarketLoader implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedMarketLoader.class);

  private final MarketStore store;
  private final SimulationSettings settings;
  private final Runnable afterLoad;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean loading;
  private volatile Throwable failure;

  /**
   * @param afterLoad runs once the database holds market data, whether this loader filled it or
   *     found it filled
   */
  SimulatedMarketLoader(MarketStore store, long seed, Runnable afterLoad) {
    this.store = store;
    this.settings = SimulationSettings.defaults().withSeed(seed);
    this.afterLoad = afterLoad;
  }

  @Override
  public void start() {
    if (store.origin().isPresent()) {
      done.countDown();
      afterLoad.run();
      return;
    }
    loading = true;
    Thread thread = new Thread(this::load, "simulated-market-loader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the first load is still under way; API requests are answered 503 meanwhile. */
  boolean isLoading() {
    return loading;
  }

  /** Waits for the load to end; for tests and tools. */
  boolean awaitLoaded(long timeout, TimeUnit unit) throws InterruptedException {
    return done.await(timeout, unit);
  }

  /** Why the load failed, if it did. */
  Throwable failure() {
    return failure;
  }

  private void load() {
    try {
      long started = System.nanoTime();
      SimulatedMarket market = SimulatedMarket.generate(settings);
      boolean loaded = store.loadIfEmpty(DatasetOrigin.SIMULATED,
          "simulated market, seed " + settings.seed() + ", " + settings.start() + " to "
              + settings.end(),
          market.assets(), market.allSeries());
      if (loaded) {
        LOG.info("loaded the simulated market (seed {}, {} assets) in {} ms", settings.seed(),
            market.assets().size(), (System.nanoTime() - started) / 1_000_000);
      }
      loading = false;
      afterLoad.run();
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.error("could not load the simulated market", e);
    } finally {
      loading = false;
      done.countDown();
    }
  }
}
