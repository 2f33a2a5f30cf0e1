package dev.ballast.ratings.peg;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.price.PriceSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges stablecoin pegs day by day: deviation from the peg target and from the consensus of the
 * other stablecoins of the same peg, intraday extremes where the bars have them, 7- and 30-day
 * windows, persistence and liquidity. The rules are in {@link PegThresholds} and {@code
 * docs/methodology.md}.
 *
 * <p>Look-ahead free: the result for day {@code d} reads bars dated {@code d} or earlier only.
 * Stateless and thread-safe.
 */
public final class PegMonitor {

  private static final int WEEK = 7;
  private static final int MONTH = 30;
  private static final byte NO_BAR = -1;

  /** A volume-to-cap median needs at least half a month of days with both figures. */
  private static final int MIN_LIQUIDITY_DAYS = MONTH / 2;

  private PegMonitor() {}

  /**
   * Judges every day of every stablecoin.
   *
   * @param stablecoins the coins to judge, each a stablecoin, each once
   * @param series one series per coin, in any order; together they are the universe of the
   *     consensus, so leave none out that the market watches
   * @throws IllegalArgumentException if an asset is not a stablecoin, is listed twice, or has no
   *     series, or a series belongs to no listed asset
   */
  public static PegReport assess(
      List<Asset> stablecoins, List<PriceSeries> series, PegThresholds thresholds) {
    Objects.requireNonNull(stablecoins, "stablecoins");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(thresholds, "thresholds");
    Map<AssetId, PriceSeries> byId = new HashMap<>();
    for (PriceSeries s : series) {
      if (byId.put(s.asset(), s) != null) {
        throw new IllegalArgumentException("two series of " + s.asset());
      }
    }
    int n = stablecoins.size();
    List<Asset> assets = new ArrayList<>(n);
    PriceSeries[] ordered = new PriceSeries[n];
    for (Asset asset : stablecoins) {
      if (!asset.isStablecoin()) {
        throw new IllegalArgumentException(
            asset.id() + " is a " + asset.kind() + ", not a stablecoin: it has no peg to judge");
      }
      PriceSeries s = byId.remove(asset.id());
      if (s == null) {
        throw new IllegalArgumentException(
            assets.stream().anyMatch(a -> a.id().equals(asset.id()))
                ? asset.id() + " is listed twice"
                : "no series for " + asset.id());
      }
      ordered[assets.size()] = s;
      assets.add(asset);
    }
    if (!byId.isEmpty()) {
      throw new IllegalArgumentException(
          "series of assets not listed as stablecoins: " + byId.keySet());
    }
    return new Run(assets, ordered, thresholds).run();
  }

  /** One assessment: dense day-by-asset columns over the union calendar, and scratch space. */
  private static final class Run {
    private final List<Asset> assets;
    private final PriceSeries[] series;
    private final PegThresholds t;
    private final int n;
    private final long firstDay;
    private final int days;
    private final double[] target;
    private final int[] pegGroup;
    private final double[][] close;
    private final double[][] low;
    private final double[][] high;
    private final double[][] cap;
    private final double[][] volume;

    // Per asset and calendar day, for the trailing windows; NaN / -1 where there is no bar.
    private final double[][] dayWorst;
    private final double[][] dayAbs;
    private final byte[][] dayLevel;

    private final double[] scratchPrice;
    private final double[] scratchWeight;
    private final double[] scratchRatio = new double[MONTH];

    Run(List<Asset> assets, PriceSeries[] series, PegThresholds t) {
      this.assets = assets;
      this.series = series;
      this.t = t;
      this.n = series.length;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (PriceSeries s : series) {
        if (!s.isEmpty()) {
          first = Math.min(first, s.firstDate().toEpochDay());
          last = Math.max(last, s.lastDate().toEpochDay());
        }
      }
      firstDay = first == Long.MAX_VALUE ? 0 : first;
      days = first == Long.MAX_VALUE ? 0 : Math.toIntExact(last - first + 1);
      target = new double[n];
      pegGroup = new int[n];
      close = new double[n][];
      low = new double[n][];
      high = new double[n][];
      cap = new double[n][];
      volume = new double[n][];
      dayWorst = new double[n][];
      dayAbs = new double[n][];
      dayLevel = new byte[n][];
      Map<String, Integer> groups = new HashMap<>();
      for (int k = 0; k < n; k++) {
        StablecoinTerms terms = assets.get(k).stablecoinTerms().orElseThrow();
        // Bars are in USD, so only a USD peg has a target price in them.
        target[k] = terms.isUsdPeg() ? terms.pegTarget().doubleValue() : Double.NaN;
        pegGroup[k] = groups.computeIfAbsent(terms.pegCurrency(), c -> groups.size());
        PriceSeries s = series[k];
        if (days > 0) {
          LocalDate from = LocalDate.ofEpochDay(firstDay);
          LocalDate to = LocalDate.ofEpochDay(firstDay + days - 1);
          close[k] = s.closesOnCalendar(from, to);
          low[k] = s.onCalendar(s.lows(), from, to);
          high[k] = s.onCalendar(s.highs(), from, to);
          cap[k] = s.onCalendar(s.marketCaps(), from, to);
          volume[k] = s.onCalendar(s.volumes(), from, to);
        }
        dayWorst[k] = new double[days];
        dayAbs[k] = new double[days];
        dayLevel[k] = new byte[days];
      }
      scratchPrice = new double[n];
      scratchWeight = new double[n];
    }

    PegReport run() {
      PegHistory.Builder[] out = new PegHistory.Builder[n];
      for (int k = 0; k < n; k++) {
        out[k] = new PegHistory.Builder(assets.get(k), target[k], t, series[k].size());
      }
      for (int d = 0; d < days; d++) {
        for (int k = 0; k < n; k++) {
          double c = close[k][d];
          if (Double.isNaN(c)) {
            dayWorst[k][d] = Double.NaN;
            dayAbs[k][d] = Double.NaN;
            dayLevel[k][d] = NO_BAR;
            continue;
          }
          int witnesses = consensus(k, d);
          double consensus = witnesses == 0 ? Double.NaN : scratchPrice[0];
          double lo = low[k][d];
          double hi = high[k][d];
          double tgt = target[k];
          boolean judgeable = !Double.isNaN(tgt) || witnesses >= t.minNonUsdWitnesses();
          byte level = judgeable ? Judge.dayLevel(c, lo, hi, tgt, consensus, t) : Judge.UNKNOWN;
          dayLevel[k][d] = level;
          // Windows measure against the target, or against the consensus for a peg with none.
          double reference = Double.isNaN(tgt) ? consensus : tgt;
          double closeDev = Judge.deviation(c, reference);
          dayAbs[k][d] = Math.abs(closeDev);
          dayWorst[k][d] =
              worstOf(closeDev, Judge.deviation(lo, reference), Judge.deviation(hi, reference));
          int window = t.persistenceWindow();
          int offInWindow = countOff(dayLevel[k], d, window);
          int lastDepeg = lastDepeg(dayLevel[k], d, window);
          byte status = level;
          if (level != Judge.UNKNOWN) {
            if (offInWindow >= t.persistenceDays()) {
              status = Judge.DEPEG;
            } else if (level == Judge.ON_PEG && lastDepeg >= 0) {
              status = Judge.WATCH;
            }
          }
          out[k].add(
              firstDay + d,
              c,
              lo,
              hi,
              consensus,
              witnesses,
              worst(dayWorst[k], d, WEEK),
              mean(dayAbs[k], d, WEEK),
              worst(dayWorst[k], d, MONTH),
              mean(dayAbs[k], d, MONTH),
              countOff(dayLevel[k], d, MONTH),
              offInWindow,
              lastDepeg < 0 ? Integer.MIN_VALUE : Math.toIntExact(firstDay + lastDepeg),
              level,
              status,
              capChange(k, d),
              volumeToCap(k, d));
        }
      }
      List<PegHistory> histories = new ArrayList<>(n);
      for (PegHistory.Builder b : out) {
        histories.add(b.build());
      }
      return new PegReport(histories, t);
    }

    /**
     * The consensus of asset {@code k}'s peg group on day {@code d}, left in {@code
     * scratchPrice[0]}: the median close of the other coins of the group, weighted by market cap
     * when every one of them has a cap (a feed artefact moves the big coins too, while two small
     * coins failing together, as USDC and DAI in March 2023, must not outvote the dollar), plain
     * otherwise. A collapsed coin drags little: its cap collapses with its price.
     *
     * @return how many coins it rests on, 0 for none
     */
    private int consensus(int k, int d) {
      int m = 0;
      boolean weighted = true;
      for (int j = 0; j < n; j++) {
        if (j == k || pegGroup[j] != pegGroup[k]) {
          continue;
        }
        double c = close[j][d];
        if (Double.isNaN(c)) {
          continue;
        }
        double w = cap[j][d];
        weighted &= w > 0 && !Double.isInfinite(w);
        // Insertion sort: a handful of coins.
        int i = m++;
        while (i > 0 && scratchPrice[i - 1] > c) {
          scratchPrice[i] = scratchPrice[i - 1];
          scratchWeight[i] = scratchWeight[i - 1];
          i--;
        }
        scratchPrice[i] = c;
        scratchWeight[i] = w;
      }
      if (m == 0) {
        return 0;
      }
      if (!weighted) {
        Arrays.fill(scratchWeight, 0, m, 1.0);
      }
      double total = 0;
      for (int i = 0; i < m; i++) {
        total += scratchWeight[i];
      }
      double half = total / 2;
      double cumulative = 0;
      for (int i = 0; i < m; i++) {
        cumulative += scratchWeight[i];
        if (cumulative >= half) {
          // Exactly half below: the median lies between this coin and the next, as the plain
          // median of an even count does.
          double median =
              cumulative == half && i + 1 < m
                  ? (scratchPrice[i] + scratchPrice[i + 1]) / 2
                  : scratchPrice[i];
          scratchPrice[0] = median;
          return m;
        }
      }
      scratchPrice[0] = scratchPrice[m - 1];
      return m;
    }

    /** Market cap now over 30 calendar days ago, minus one; NaN unless both are known. */
    private double capChange(int k, int d) {
      if (d < MONTH) {
        return Double.NaN;
      }
      return cap[k][d] / cap[k][d - MONTH] - 1;
    }

    /** The median of volume / market cap over the last 30 days, NaN with too few days. */
    private double volumeToCap(int k, int d) {
      int m = 0;
      for (int s = Math.max(0, d - MONTH + 1); s <= d; s++) {
        double r = volume[k][s] / cap[k][s];
        if (!Double.isNaN(r) && !Double.isInfinite(r)) {
          scratchRatio[m++] = r;
        }
      }
      if (m < MIN_LIQUIDITY_DAYS) {
        return Double.NaN;
      }
      Arrays.sort(scratchRatio, 0, m);
      return m % 2 == 1 ? scratchRatio[m / 2] : (scratchRatio[m / 2 - 1] + scratchRatio[m / 2]) / 2;
    }
  }

  private static double worstOf(double a, double b, double c) {
    double worst = a;
    if (Math.abs(b) > Math.abs(worst) || Double.isNaN(worst)) {
      worst = Double.isNaN(b) ? worst : b;
    }
    if (Math.abs(c) > Math.abs(worst) || Double.isNaN(worst)) {
      worst = Double.isNaN(c) ? worst : c;
    }
    return worst;
  }

  /** The signed value of largest magnitude in the {@code window} days ending at {@code d}. */
  private static double worst(double[] x, int d, int window) {
    double worst = Double.NaN;
    for (int s = Math.max(0, d - window + 1); s <= d; s++) {
      double v = x[s];
      if (!Double.isNaN(v) && (Double.isNaN(worst) || Math.abs(v) > Math.abs(worst))) {
        worst = v;
      }
    }
    return worst;
  }

  /** The mean of the known values in the {@code window} days ending at {@code d}. */
  private static double mean(double[] x, int d, int window) {
    double sum = 0;
    int m = 0;
    for (int s = Math.max(0, d - window + 1); s <= d; s++) {
      double v = x[s];
      if (!Double.isNaN(v)) {
        sum += v;
        m++;
      }
    }
    return m == 0 ? Double.NaN : sum / m;
  }

  /** Days of the {@code window} ending at {@code d} that were WATCH or DEPEG on their own. */
  private static int countOff(byte[] level, int d, int window) {
    int c = 0;
    for (int s = Math.max(0, d - window + 1); s <= d; s++) {
      if (level[s] == Judge.WATCH || level[s] == Judge.DEPEG) {
        c++;
      }
    }
    return c;
  }

  /**
   * The last day before {@code d}, within the window ending at {@code d}, that was DEPEG on its
   * own; -1 if none.
   */
  private static int lastDepeg(byte[] level, int d, int window) {
    for (int s = d - 1; s >= Math.max(0, d - window + 1); s--) {
      if (level[s] == Judge.DEPEG) {
        return s;
      }
    }
    return -1;
  }
}
