package dev.ballast.ratings.grade;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Panels for the grade tests. */
final class TestPanels {

  static final LocalDate START = LocalDate.of(2020, 1, 1);

  private static SimulatedMarket market;

  private TestPanels() {}

  /** The default simulated market, 67 assets × 2557 days, generated once. */
  static synchronized MarketPanel simulated() {
    if (market == null) {
      market = SimulatedMarket.generate(SimulationSettings.defaults());
    }
    SimulationSettings s = market.settings();
    return MarketPanel.of(market.assets(), market.allSeries(), s.start(), s.end());
  }

  /** Seeded random-walk coins, listed from day {@code listed[a]}. */
  static MarketPanel coins(int days, long seed, int... listed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = listed.length;
    List<Asset> assets = new ArrayList<>();
    double[][] c = new double[n][days];
    double[][] v = new double[n][days];
    double[][] m = new double[n][days];
    for (int a = 0; a < n; a++) {
      assets.add(Asset.coin(AssetId.of("C" + a), null));
      double price = 10 + random.nextDouble() * 100;
      double drift = 0.002 * (random.nextDouble() - 0.5);
      for (int d = 0; d < days; d++) {
        if (d < listed[a]) {
          c[a][d] = v[a][d] = m[a][d] = Double.NaN;
          continue;
        }
        price *= Math.exp(drift + 0.04 * (random.nextDouble() - 0.5) * 3.4);
        c[a][d] = price;
        m[a][d] = price * 1e7 * (1 + a);
        v[a][d] = m[a][d] * 0.05 * (0.5 + random.nextDouble());
      }
    }
    return MarketPanel.ofColumns(assets, START, c, null, null, v, m);
  }

  /** A USD stablecoin column: closes given, high/low equal to the close, steady cap and volume. */
  static Asset usdStablecoin(String symbol, Collateral collateral) {
    return Asset.stablecoin(AssetId.of(symbol), null, StablecoinTerms.usd(collateral, symbol));
  }

  static double[] filled(int days, double value) {
    double[] x = new double[days];
    Arrays.fill(x, value);
    return x;
  }
}
