package dev.ballast.rebalancer.panel;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.indicator.Indicators;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The close, volume and market-cap columns of a {@link MarketPanel}, copied once, with the
 * per-asset rolling statistics that eligibility, weighting and the stablecoin sleeve read: the
 * median daily volume over a window and the annualised volatility over a window.
 *
 * <p>Why: {@code MarketPanel}'s accessors return copies of whole columns (it is immutable), so a
 * rule that reads three columns of every asset on every rebalance copies megabytes per rebalance;
 * a 10-year weekly backtest did that 500 times. This view copies each column once.
 *
 * <p>Two modes. {@link #of} computes a statistic for the day asked (what one rebalance needs);
 * {@link #cached} computes the whole column of a statistic the first time a window is asked for
 * and keeps it (what a backtest or a parameter sweep over the same panel needs). Both give the
 * same numbers: every value at day {@code d} reads data of days {@code ≤ d} only.
 *
 * <p>Immutable and thread-safe: accessors return single values, never the arrays; caches are
 * filled through {@link ConcurrentHashMap#computeIfAbsent}, which publishes them safely.
 */
public final class PanelColumns {

  private final MarketPanel panel;
  private final double[][] close;
  private final double[][] volume;
  private final double[][] marketCap;
  private final int[] firstClose;
  private final AssetId[] ids;
  private final boolean[] stablecoin;
  private final boolean cache;
  // Per-day values by key (see daily), each day filled on first use (cached mode only).
  private final Map<Object, AtomicReferenceArray<Object>> daily = new ConcurrentHashMap<>();
  private final Map<Integer, Rolling> medianVolumes = new ConcurrentHashMap<>();
  private final Map<Integer, double[][]> volatilities = new ConcurrentHashMap<>();
  // A record with final fields: safely published through a volatile read of its reference.
  private volatile Rolling lastRolling;

  private PanelColumns(MarketPanel panel, boolean cache) {
    this.panel = Objects.requireNonNull(panel, "panel");
    this.cache = cache;
    int n = panel.assetCount();
    close = new double[n][];
    volume = new double[n][];
    marketCap = new double[n][];
    firstClose = new int[n];
    ids = new AssetId[n];
    stablecoin = new boolean[n];
    for (int a = 0; a < n; a++) {
      ids[a] = panel.asset(a).id();
      stablecoin[a] = panel.asset(a).isStablecoin();
      close[a] = panel.closes(a);
      volume[a] = panel.volumes(a);
      marketCap[a] = panel.marketCaps(a);
      int first = -1;
      for (int d = 0; d < close[a].length; d++) {
        if (!Double.isNaN(close[a][d])) {
          first = d;
          break;
        }
      }
      firstClose[a] = first;
    }
  }

  /** A view computing each statistic on demand for the day asked. */
  public static PanelColumns of(MarketPanel panel) {
    return new PanelColumns(panel, false);
  }

  /** A view keeping every statistic column it computes, for many days over the same panel. */
  public static PanelColumns cached(MarketPanel panel) {
    return new PanelColumns(panel, true);
  }

  public MarketPanel panel() {
    return panel;
  }

  public int assetCount() {
    return close.length;
  }

  public int days() {
    return panel.days();
  }

  /** The id of panel asset {@code asset}. */
  public AssetId id(int asset) {
    return ids[asset];
  }

  /** Whether panel asset {@code asset} is a stablecoin. */
  public boolean isStablecoin(int asset) {
    return stablecoin[asset];
  }

  /** The close of {@code asset} on {@code day}, NaN when missing. */
  public double close(int asset, int day) {
    return close[asset][day];
  }

  /** The USD volume of {@code asset} on {@code day}, NaN when missing. */
  public double volume(int asset, int day) {
    return volume[asset][day];
  }

  /** The market cap of {@code asset} on {@code day}, NaN when missing. */
  public double marketCap(int asset, int day) {
    return marketCap[asset][day];
  }

  /** The first day with a close, or -1 when the asset has none in the panel. */
  public int firstClose(int asset) {
    return firstClose[asset];
  }

  /** The close on {@code day} or the last one before it, however old; NaN if none yet. */
  public double lastClose(int asset, int day) {
    double[] c = close[asset];
    for (int d = day; d >= 0; d--) {
      if (!Double.isNaN(c[d])) {
        return c[d];
      }
    }
    return Double.NaN;
  }

  /** The close on {@code day} or the last one within {@code maxAge} days before it; else NaN. */
  public double lastClose(int asset, int day, int maxAge) {
    return lastKnown(close[asset], day, maxAge);
  }

  /** The market cap on {@code day} or the last one within {@code maxAge} days before it. */
  public double lastMarketCap(int asset, int day, int maxAge) {
    return lastKnown(marketCap[asset], day, maxAge);
  }

  /**
   * The median of the known daily volumes over the {@code window} days ending on {@code day}; NaN
   * when fewer than half the window ({@code known × 2 < window}) have a volume.
   */
  public double medianVolume(int asset, int day, int window) {
    if (cache) {
      return rolling(window).median[asset][day];
    }
    return windowMedian(volume[asset], day, window);
  }

  /** How many of the {@code window} days ending on {@code day} have a volume. */
  public int knownVolumes(int asset, int day, int window) {
    if (cache) {
      return rolling(window).known[asset][day];
    }
    int known = 0;
    for (int d = Math.max(0, day - window + 1); d <= day; d++) {
      if (!Double.isNaN(volume[asset][d])) {
        known++;
      }
    }
    return known;
  }

  /**
   * {@link Indicators#volatility} of the closes over {@code window} daily returns at {@code day}
   * (annualised, NaN with a gap or during warm-up). Reads closes up to {@code day} only.
   */
  public double volatility(int asset, int day, int window) {
    if (cache) {
      return volatilities.computeIfAbsent(window, w -> {
        double[][] out = new double[close.length][];
        for (int a = 0; a < close.length; a++) {
          out[a] = Indicators.volatility(close[a], w);
        }
        return out;
      })[asset][day];
    }
    // Indicators.volatility at `day` reads closes up to `day` only: the prefix gives the same.
    return Indicators.volatility(Arrays.copyOf(close[asset], day + 1), window)[day];
  }

  /**
   * A value of one day that every backtest on the panel would otherwise compute again (a
   * ranking, an eligibility by rule set), computed on first use and kept in cached mode; in the
   * other mode, computed each time. {@code key} says what the value is (a record of its kind
   * and inputs); the value must never be written after {@code compute} returns. Thread-safe: two
   * threads may both compute a day's value (equal ones); the one kept is published through an
   * {@link AtomicReferenceArray}.
   */
  @SuppressWarnings("unchecked")
  public <T> T daily(Object key, int day, IntFunction<T> compute) {
    if (!cache) {
      return compute.apply(day);
    }
    AtomicReferenceArray<Object> days =
        daily.computeIfAbsent(key, k -> new AtomicReferenceArray<>(panel.days()));
    Object value = days.get(day);
    if (value == null) {
      value = compute.apply(day);
      days.set(day, value);
    }
    return (T) value;
  }

  private record DailyCaps(int maxAge) {}

  private record DailyCapOrder(int maxAge) {}

  /**
   * {@link #lastMarketCap}{@code (asset, day, maxAge)} of every panel asset, by panel index: one
   * array per day instead of a column per asset, for rules that read every asset on one day. The
   * caller must not write the array.
   */
  public double[] lastMarketCaps(int day, int maxAge) {
    return daily(new DailyCaps(maxAge), day, d -> {
      double[] out = new double[close.length];
      for (int a = 0; a < out.length; a++) {
        out[a] = lastMarketCap(a, d, maxAge);
      }
      return out;
    });
  }

  /**
   * Every panel asset on {@code day} by {@link #lastMarketCap}{@code (asset, day, maxAge)}
   * descending, then by id (assets without a cap first, in id order: {@link Double#compare}
   * reversed): the ranking of a top-N-by-market-cap index, which every backtest on the panel
   * shares. The caller must not write the array.
   */
  public int[] byMarketCap(int day, int maxAge) {
    return daily(new DailyCapOrder(maxAge), day, d -> rankByMarketCap(d, maxAge));
  }

  private int[] rankByMarketCap(int day, int maxAge) {
    Integer[] order = new Integer[close.length];
    double[] cap = lastMarketCaps(day, maxAge);
    for (int a = 0; a < order.length; a++) {
      order[a] = a;
    }
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(cap[y], cap[x]);
      return c != 0 ? c : ids[x].compareTo(ids[y]);
    });
    int[] out = new int[order.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = order[a];
    }
    return out;
  }

  private Rolling rolling(int window) {
    // The last window asked for, without boxing and hashing: the rules ask for one or two.
    Rolling last = lastRolling;
    if (last != null && last.window == window) {
      return last;
    }
    Rolling r = medianVolumes.computeIfAbsent(window, w -> {
      int n = close.length;
      double[][] median = new double[n][];
      int[][] known = new int[n][];
      for (int a = 0; a < n; a++) {
        median[a] = new double[volume[a].length];
        known[a] = new int[volume[a].length];
        rollingMedian(volume[a], w, median[a], known[a]);
      }
      return new Rolling(w, median, known);
    });
    lastRolling = r;
    return r;
  }

  private record Rolling(int window, double[][] median, int[][] known) {}

  /**
   * Rolling median of the known values by a sorted window updated in place: O(window) a day
   * instead of a sort a day.
   */
  static void rollingMedian(double[] x, int window, double[] median, int[] knownOut) {
    double[] sorted = new double[window];
    int n = 0;
    for (int d = 0; d < x.length; d++) {
      int leaving = d - window;
      if (leaving >= 0 && !Double.isNaN(x[leaving])) {
        int i = Arrays.binarySearch(sorted, 0, n, x[leaving]);
        System.arraycopy(sorted, i + 1, sorted, i, n - i - 1);
        n--;
      }
      if (!Double.isNaN(x[d])) {
        int i = Arrays.binarySearch(sorted, 0, n, x[d]);
        if (i < 0) {
          i = -i - 1;
        }
        System.arraycopy(sorted, i, sorted, i + 1, n - i);
        sorted[i] = x[d];
        n++;
      }
      knownOut[d] = n;
      median[d] = n * 2 < window ? Double.NaN
          : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  /**
   * The median of the known (non-NaN) values of {@code x} over the {@code window} days ending on
   * {@code day}; NaN when fewer than half the window are known.
   */
  public static double windowMedian(double[] x, int day, int window) {
    double[] v = new double[window];
    int n = 0;
    for (int d = Math.max(0, day - window + 1); d <= day; d++) {
      if (!Double.isNaN(x[d])) {
        v[n++] = x[d];
      }
    }
    if (n * 2 < window) {
      return Double.NaN;
    }
    Arrays.sort(v, 0, n);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double lastKnown(double[] column, int day, int maxAge) {
    for (int d = day; d >= 0 && d >= day - maxAge; d--) {
      if (!Double.isNaN(column[d])) {
        return column[d];
      }
    }
    return Double.NaN;
  }

  @Override
  public String toString() {
    return "PanelColumns[" + panel + (cache ? ", cached" : "") + "]";
  }
}
