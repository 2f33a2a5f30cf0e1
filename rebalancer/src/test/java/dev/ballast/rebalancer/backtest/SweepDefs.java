package dev.ballast.rebalancer.backtest;

import dev.ballast.rebalancer.index.Caps;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.index.Selection;
import dev.ballast.rebalancer.index.Weighting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Scratch copy of BacktestBenchmark.sweepDefinitions, spread over the grid. */
final class SweepDefs {
  static List<IndexDefinition> defs(int n) {
    IndexDefinition base = IndexDefinitions.builtIn("top10-mcap");
    List<IndexDefinition> all = new ArrayList<>();
    Caps[] caps = {new Caps(0.3, 0.2), new Caps(0.4, 0.25), Caps.none()};
    Weighting[] weightings = {Weighting.of(Weighting.Method.MARKET_CAP),
        Weighting.of(Weighting.Method.EQUAL), Weighting.of(Weighting.Method.GRADE),
        Weighting.inverseVolatility(30)};
    for (boolean overlay : new boolean[] {true, false}) {
      for (Weighting weighting : weightings) {
        for (int count : new int[] {5, 10, 15, 20, 30}) {
          for (Caps cap : caps) {
            for (double band : new double[] {0, 0.01, 0.02, 0.05}) {
              for (double fee : new double[] {5, 10, 25}) {
                all.add(new IndexDefinition(IndexId.of("sweep-" + all.size()), base.name(),
                    null, base.universe(), new Selection(Selection.Method.TOP_MARKET_CAP, count),
                    weighting, cap, base.rebalanceCron(), band, BigDecimal.TEN, fee, overlay));
              }
            }
          }
        }
      }
    }
    List<IndexDefinition> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(all.get((int) ((long) i * all.size() / n)));
    }
    return out;
  }
}
