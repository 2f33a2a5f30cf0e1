package dev.ballast.bench;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.ratings.grade.GradeMatrix;
import dev.ballast.ratings.grade.GradeWeights;
import dev.ballast.ratings.grade.Grader;
import dev.ballast.ratings.grade.MarketPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grades a universe of {@code assets} assets × {@code days} days with {@link Grader#gradeAll}:
 * every factor of both grades for every asset, every day's cross-sectional ranking, and the
 * stablecoin grades. The issue asks for 2,000 × 2,000 in under a second on the 2-core machine.
 *
 * <p>The panel is built in {@link #setUp}, not timed: seeded geometric random walks (about 4%
 * daily volatility, each coin on its own drift) with daily range, volume and market cap; coins
 * list on staggered days so the warm-up and missing-factor paths are exercised; every 50th asset
 * (2%) is a USD stablecoin wobbling around 1.00, one of which depegs.
 *
 * <pre>
 * bench/grading.sh                         # builds, runs, prints ms/op
 * java -jar bench/target/benchmarks.jar GradingBenchmark -f 1 -wi 2 -i 3 \
 *     -jvmArgs "-Xms4g -Xmx4g -XX:+AlwaysPreTouch"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class GradingBenchmark {

  @Param("2000")
  int assets;

  @Param("2000")
  int days;

  private MarketPanel panel;
  private GradeWeights weights;

  @Setup
  public void setUp() {
    panel = panel(assets, days, 20250101L);
    weights = GradeWeights.defaults();
  }

  @Benchmark
  public GradeMatrix gradeAll() {
    return Grader.gradeAll(panel, weights);
  }

  /** A deterministic synthetic universe; public so that a test or a profiler can reuse it. */
  public static MarketPanel panel(int assets, int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Asset> list = new ArrayList<>(assets);
    double[][] close = new double[assets][days];
    double[][] high = new double[assets][days];
    double[][] low = new double[assets][days];
    double[][] volume = new double[assets][days];
    double[][] cap = new double[assets][days];
    for (int a = 0; a < assets; a++) {
      boolean stablecoin = a % 50 == 49;
      AssetId id = AssetId.of((stablecoin ? "S" : "C") + a);
      // A quarter of the universe lists during the panel, as a real universe grows.
      int listed = a % 4 == 0 ? random.nextInt(days) : 0;
      double supply = 1e6 * Math.exp(6 * random.nextDouble());
      if (stablecoin) {
        list.add(
            Asset.stablecoin(
                id,
                null,
                StablecoinTerms.usd(
                    a % 200 == 199 ? Collateral.ALGORITHMIC : Collateral.FIAT_BACKED, "issuer")));
      } else {
        list.add(Asset.coin(id, null));
      }
      double drift = 0.002 * random.nextGaussian();
      double price = stablecoin ? 1 : 1 + 1000 * random.nextDouble();
      for (int d = 0; d < days; d++) {
        if (d < listed) {
          close[a][d] = high[a][d] = low[a][d] = volume[a][d] = cap[a][d] = Double.NaN;
          continue;
        }
        double open = price;
        if (stablecoin) {
          boolean depeg = a == 49 && d >= days / 2 && d < days / 2 + 10;
          price = (depeg ? 0.9 : 1) + 0.001 * random.nextGaussian();
        } else {
          price *= Math.exp(drift + 0.04 * random.nextGaussian());
        }
        close[a][d] = price;
        high[a][d] = Math.max(open, price) * (1 + 0.02 * random.nextDouble());
        low[a][d] = Math.min(open, price) * (1 - 0.02 * random.nextDouble());
        cap[a][d] = price * supply;
        volume[a][d] = cap[a][d] * 0.05 * Math.exp(0.5 * random.nextGaussian());
      }
    }
    return MarketPanel.ofColumns(
        list, LocalDate.of(2019, 1, 1), close, high, low, volume, cap);
  }
}
