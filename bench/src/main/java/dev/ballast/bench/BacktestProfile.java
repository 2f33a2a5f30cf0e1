package dev.ballast.bench;

import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.rebalancer.backtest.BacktestJson;
import dev.ballast.rebalancer.backtest.BacktestResult;
import dev.ballast.rebalancer.backtest.BacktestSettings;
import dev.ballast.rebalancer.backtest.Backtester;
import dev.ballast.rebalancer.backtest.Progress;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.order.RebalancePlan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Times the context, one backtest and the sweep of {@link BacktestBenchmark} outside JMH, for a
 * profiler such as JFR, with wall, process CPU and (for the single-threaded backtest) the calling
 * thread's CPU time: the machine is shared, and CPU time is the steadier figure. Each line ends
 * with a checksum of the whole result (its JSON, every equity value, every decision), so a
 * change meant to be only faster can be checked to give the same result.
 *
 * <p>Args: {@code [runs] [assets] [days] [mode] [sweepSize]}; mode {@code fresh} (default: a new
 * context each run, then the backtest with its benchmarks), {@code shared} (the context built
 * once), {@code alone} (shared context, the index without benchmarks) or {@code sweep} (shared
 * context, {@code sweepSize} definitions of {@link BacktestBenchmark#sweepDefinitions}, 1,000 by
 * default, in parallel).
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar \
 *     dev.ballast.bench.BacktestProfile 10 100 3650 shared
 * </pre>
 */
public final class BacktestProfile {

  private BacktestProfile() {}

  public static void main(String[] args) throws NoSuchAlgorithmException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int assets = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 3650;
    String mode = args.length > 3 ? args[3] : "fresh";
    int sweepSize = args.length > 4 ? Integer.parseInt(args[4]) : BacktestBenchmark.SWEEP_SIZE;
    if (!List.of("fresh", "shared", "alone", "sweep").contains(mode)) {
      throw new IllegalArgumentException("mode must be fresh, shared, alone or sweep, was " + mode);
    }
    MarketPanel panel = GradingBenchmark.panel(assets, days, 20250101L);
    com.sun.management.OperatingSystemMXBean cpu =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<IndexDefinition> sweep = BacktestBenchmark.sweepDefinitions(sweepSize);
    BacktestSettings settings = mode.equals("alone")
        ? BacktestSettings.defaults().withBenchmarks(false) : BacktestSettings.defaults();
    MarketContext ctx = null;
    for (int r = 0; r < runs; r++) {
      long c0 = cpu.getProcessCpuTime();
      long t0 = System.nanoTime();
      if (ctx == null || mode.equals("fresh")) {
        ctx = BacktestBenchmark.context(panel, BacktestBenchmark.pegs(panel));
      }
      long c1 = cpu.getProcessCpuTime();
      long t1 = System.nanoTime();
      long th1 = threads.getCurrentThreadCpuTime();
      Object result;
      if (mode.equals("sweep")) {
        result = Backtester.sweep(sweep, ctx, panel.start(), panel.date(panel.days() - 1),
            BacktestSettings.defaults());
      } else {
        result = Backtester.run(IndexDefinitions.builtIn("top10-mcap"), ctx, panel.start(),
            panel.date(panel.days() - 1), settings, Progress.NONE);
      }
      long th2 = threads.getCurrentThreadCpuTime();
      long c2 = cpu.getProcessCpuTime();
      long t2 = System.nanoTime();
      // Outside the timing: writing the JSON costs about as much as the backtest.
      String what;
      String checksum;
      if (result instanceof BacktestResult b) {
        what = b.rebalances().size() + " rebalances, final "
            + String.format("%.0f", b.indexSeries().metrics().finalValue());
        checksum = checksum(b);
      } else {
        @SuppressWarnings("unchecked")
        List<Backtester.SweepResult> results = (List<Backtester.SweepResult>) result;
        what = results.size() + " backtests";
        checksum = checksum(results);
      }
      System.out.printf("run %d: context %.1f ms (cpu %.1f), %s %.1f ms (cpu %.1f, thread %.1f),"
              + " %s, checksum %s%n",
          r, (t1 - t0) / 1e6, (c1 - c0) / 1e6, mode, (t2 - t1) / 1e6, (c2 - c1) / 1e6,
          (th2 - th1) / 1e6, what, checksum);
    }
  }

  /** The first 16 hex digits of a SHA-256 of the JSON, every curve value and every decision. */
  static String checksum(BacktestResult r) throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(BacktestJson.write(r).getBytes(StandardCharsets.UTF_8));
    for (BacktestResult.Series s : r.series()) {
      for (int i = 0; i < r.days(); i++) {
        update(md, Double.doubleToLongBits(s.value(i)));
        update(md, Double.doubleToLongBits(s.stablecoinWeight(i)));
      }
    }
    r.rebalances().forEach(d -> md.update(canonical(d).getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  /** The same over a sweep's metrics and rebalance counts. */
  static String checksum(List<Backtester.SweepResult> results) throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (Backtester.SweepResult r : results) {
      md.update((r.definition().id() + " " + r.metrics() + " " + r.rebalances())
          .getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  private static void update(MessageDigest md, long bits) {
    for (int i = 0; i < 8; i++) {
      md.update((byte) (bits >>> (8 * i)));
    }
  }

  /** A decision in words that do not depend on hash order (Map.copyOf iterates by a salt). */
  static String canonical(Decision d) {
    RebalancePlan p = d.plan();
    return d.marketDay() + "|" + d.trigger() + "|" + d.reason() + "|" + d.regime() + "|"
        + d.evidence() + "|" + d.stablecoinFraction() + "|" + d.weightsBefore() + "|"
        + d.targetWeights() + "|" + p.orders() + "|" + new TreeMap<>(p.holdingsAfter()) + "|"
        + p.cashAfter() + "|" + p.feesPaid() + "|" + new TreeMap<>(p.weightsBefore()) + "|"
        + new TreeMap<>(p.weightsAfter()) + "|" + d.after() + "|" + d.notes();
  }
}
