package dev.ballast.bench;

import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.backtest.BacktestResult;
import dev.ballast.rebalancer.backtest.BacktestSettings;
import dev.ballast.rebalancer.backtest.Backtester;
import dev.ballast.rebalancer.backtest.Progress;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinitions;

/**
 * Times the context and one backtest of {@link BacktestBenchmark} outside JMH, for a profiler
 * such as JFR, with wall and process CPU time (the machine is shared: CPU time is the steadier
 * figure). Args: [runs] [assets] [days] [shared].
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar \
 *     dev.ballast.bench.BacktestProfile 10
 * </pre>
 */
public final class BacktestProfile {

  private BacktestProfile() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int assets = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 3650;
    MarketPanel panel = GradingBenchmark.panel(assets, days, 20250101L);
    com.sun.management.OperatingSystemMXBean cpu =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    MarketContext ctx = null;
    for (int r = 0; r < runs; r++) {
      long c0 = cpu.getProcessCpuTime();
      long t0 = System.nanoTime();
      // With a fourth argument "shared", the context is built once: the backtest alone.
      if (ctx == null || args.length < 4 || !args[3].equals("shared")) {
        ctx = BacktestBenchmark.context(panel, BacktestBenchmark.pegs(panel));
      }
      long c1 = cpu.getProcessCpuTime();
      long t1 = System.nanoTime();
      BacktestResult result = Backtester.run(IndexDefinitions.builtIn("top10-mcap"), ctx,
          panel.start(), panel.date(panel.days() - 1), BacktestSettings.defaults(),
          Progress.NONE);
      long c2 = cpu.getProcessCpuTime();
      long t2 = System.nanoTime();
      System.out.printf("run %d: context %.1f ms (cpu %.1f), backtest %.1f ms (cpu %.1f),"
              + " %d rebalances, final %.0f%n",
          r, (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 1e6, (c2 - c1) / 1e6,
          result.rebalances().size(), result.indexSeries().metrics().finalValue());
    }
  }
}
