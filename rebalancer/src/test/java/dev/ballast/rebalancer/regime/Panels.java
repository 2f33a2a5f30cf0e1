package dev.ballast.rebalancer.regime;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Constructed markets: coins following one market factor with phases of drift and vol. */
final class Panels {

  static final LocalDate START = LocalDate.of(2020, 1, 1);

  private Panels() {}

  /** One phase of the market factor: {@code days} days of daily log drift and vol. */
  record Phase(int days, double drift, double vol) {}

  /** {@code coins} coins, each the market factor plus 1%/day of its own noise. */
  static MarketPanel market(long seed, int coins, Phase... phases) {
    int days = 0;
    for (Phase p : phases) {
      days += p.days();
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] factor = new double[days];
    int d = 0;
    for (Phase p : phases) {
      for (int i = 0; i < p.days(); i++, d++) {
        factor[d] = p.drift() + p.vol() * gaussian(random);
      }
    }
    List<Asset> assets = new ArrayList<>();
    double[][] close = new double[coins][days];
    double[][] volume = new double[coins][days];
    double[][] cap = new double[coins][days];
    for (int a = 0; a < coins; a++) {
      assets.add(Asset.coin(AssetId.of("C" + a), null));
      double price = 10 + a;
      double supply = 1e9 / (a + 1);
      for (int t = 0; t < days; t++) {
        price *= Math.exp(factor[t] + 0.01 * gaussian(random));
        close[a][t] = price;
        cap[a][t] = price * supply;
        volume[a][t] = 0.03 * cap[a][t];
      }
    }
    return MarketPanel.ofColumns(assets, START, close, null, null, volume, cap);
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller on two uniforms: reproducible on every JVM for a given seed.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
