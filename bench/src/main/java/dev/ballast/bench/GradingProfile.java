package dev.ballast.bench;

import dev.ballast.ratings.grade.Factor;
import dev.ballast.ratings.grade.Grade;
import dev.ballast.ratings.grade.GradeMatrix;
import dev.ballast.ratings.grade.GradeWeights;
import dev.ballast.ratings.grade.Grader;
import dev.ballast.ratings.grade.MarketPanel;

/**
 * Times {@link Grader#gradeAll} on the benchmark's panel outside JMH (for a profiler such as JFR)
 * and prints a checksum of every grade and raw value, so that a change to the grader can be shown
 * to leave the results bit-identical. Args: [runs] [assets] [days].
 *
 * <pre>
 * java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar \
 *     dev.ballast.bench.GradingProfile 10
 * </pre>
 */
public final class GradingProfile {

  private GradingProfile() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int assets = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    MarketPanel panel = GradingBenchmark.panel(assets, days, 20250101L);
    GradeWeights weights = GradeWeights.defaults();
    GradeMatrix m = null;
    com.sun.management.OperatingSystemMXBean cpu =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < runs; r++) {
      long c0 = cpu.getProcessCpuTime();
      long t0 = System.nanoTime();
      m = Grader.gradeAll(panel, weights);
      System.out.printf(
          "run %d: %.1f ms (process cpu %.1f ms)%n",
          r, (System.nanoTime() - t0) / 1e6, (cpu.getProcessCpuTime() - c0) / 1e6);
    }
    long h = 17;
    for (int a = 0; a < assets; a++) {
      for (int d = 0; d < days; d++) {
        h = h * 31 + Double.doubleToRawLongBits(m.trader(a, d));
        h = h * 31 + Double.doubleToRawLongBits(m.investor(a, d));
        for (Factor f : Factor.values()) {
          h = h * 31 + Double.doubleToRawLongBits(m.raw(f, a, d));
        }
      }
    }
    System.out.printf("grades+raw checksum %016x%n", h);
    long p = 17;
    for (int d : new int[] {0, 40, 400, 1000, days - 1}) {
      if (d < days) {
        for (Grade g : m.gradesOn(panel.date(d))) {
          p = p * 31 + g.toString().hashCode(); // enums hash by identity
        }
      }
    }
    System.out.printf("breakdown checksum %016x%n", p);
  }
}
