package dev.ballast.ratings.grade;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.PriceSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A universe of assets lined up on a dense daily calendar: day {@code d} of every column is {@code
 * start + d}. Columns are USD close, high, low, volume and market cap, {@code NaN} where a value is
 * missing or the asset did not trade (before listing, after delisting, a gap in the feed).
 *
 * <p>Immutable and thread-safe: columns are copied on the way in, and the public accessors return
 * copies; the grader reads the internal arrays package-privately.
 */
public final class MarketPanel {

  private final List<Asset> assets;
  private final Map<AssetId, Integer> indexes;
  private final LocalDate start;
  private final int days;
  private final double[][] close;
  private final double[][] high;
  private final double[][] low;
  private final double[][] volume;
  private final double[][] marketCap;

  private MarketPanel(
      List<Asset> assets,
      LocalDate start,
      int days,
      double[][] close,
      double[][] high,
      double[][] low,
      double[][] volume,
      double[][] marketCap) {
    this.assets = List.copyOf(assets);
    this.start = Objects.requireNonNull(start, "start");
    this.days = days;
    this.indexes = new HashMap<>();
    for (int a = 0; a < this.assets.size(); a++) {
      if (indexes.put(this.assets.get(a).id(), a) != null) {
        throw new IllegalArgumentException("asset " + this.assets.get(a).id() + " appears twice");
      }
    }
    this.close = close;
    this.high = high;
    this.low = low;
    this.volume = volume;
    this.marketCap = marketCap;
  }

  /**
   * Lines up the series of {@code assets} on every day from {@code from} to {@code to} inclusive.
   * An asset without a series is all NaN; a series of an asset not in the list is an error.
   */
  public static MarketPanel of(
      List<Asset> assets, List<PriceSeries> series, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    int days = Math.toIntExact(to.toEpochDay() - from.toEpochDay() + 1);
    Map<AssetId, PriceSeries> byAsset = new HashMap<>();
    for (PriceSeries s : series) {
      if (byAsset.put(s.asset(), s) != null) {
        throw new IllegalArgumentException("two series of " + s.asset());
      }
    }
    int n = assets.size();
    double[][] close = new double[n][];
    double[][] high = new double[n][];
    double[][] low = new double[n][];
    double[][] volume = new double[n][];
    double[][] cap = new double[n][];
    for (int a = 0; a < n; a++) {
      PriceSeries s = byAsset.remove(assets.get(a).id());
      if (s == null) {
        close[a] = nans(days);
        high[a] = nans(days);
        low[a] = nans(days);
        volume[a] = nans(days);
        cap[a] = nans(days);
      } else {
        close[a] = s.closesOnCalendar(from, to);
        high[a] = s.onCalendar(s.highs(), from, to);
        low[a] = s.onCalendar(s.lows(), from, to);
        volume[a] = s.onCalendar(s.volumes(), from, to);
        cap[a] = s.onCalendar(s.marketCaps(), from, to);
      }
    }
    if (!byAsset.isEmpty()) {
      throw new IllegalArgumentException("series of assets not in the list: " + byAsset.keySet());
    }
    // PriceSeries has checked every value already.
    return new MarketPanel(assets, from, days, close, high, low, volume, cap);
  }

  /**
   * A panel from columns indexed {@code [asset][day]}, copied. Closes must be positive or NaN, the
   * other values non-negative or NaN, all finite, and high not below low. {@code high} and {@code
   * low} may be null when the source has closes only.
   */
  public static MarketPanel ofColumns(
      List<Asset> assets,
      LocalDate start,
      double[][] close,
      double[][] high,
      double[][] low,
      double[][] volume,
      double[][] marketCap) {
    int n = assets.size();
    if (close.length != n) {
      throw new IllegalArgumentException(n + " assets but " + close.length + " close columns");
    }
    int days = n == 0 ? 0 : close[0].length;
    double[][] c = copy("close", close, n, days);
    double[][] h = high == null ? nans(n, days) : copy("high", high, n, days);
    double[][] l = low == null ? nans(n, days) : copy("low", low, n, days);
    double[][] v = copy("volume", volume, n, days);
    double[][] m = copy("marketCap", marketCap, n, days);
    for (int a = 0; a < n; a++) {
      AssetId id = assets.get(a).id();
      for (int d = 0; d < days; d++) {
        if (!(c[a][d] > 0 && c[a][d] < Double.POSITIVE_INFINITY) && !Double.isNaN(c[a][d])) {
          throw new IllegalArgumentException(
              "close of " + id + " on day " + d + " must be positive, finite or NaN, was "
                  + c[a][d]);
        }
        requireMissingOrNonNegative("high", h[a][d], id, d);
        requireMissingOrNonNegative("low", l[a][d], id, d);
        requireMissingOrNonNegative("volume", v[a][d], id, d);
        requireMissingOrNonNegative("marketCap", m[a][d], id, d);
        if (h[a][d] < l[a][d]) {
          throw new IllegalArgumentException(
              "high " + h[a][d] + " is below low " + l[a][d] + " for " + id + " on day " + d);
        }
      }
    }
    return new MarketPanel(assets, start, days, c, h, l, v, m);
  }

  public List<Asset> assets() {
    return assets;
  }

  public int assetCount() {
    return assets.size();
  }

  public Asset asset(int index) {
    return assets.get(index);
  }

  /** The index of an asset, or -1 when it is not in the panel. */
  public int indexOf(AssetId id) {
    Integer index = indexes.get(id);
    return index == null ? -1 : index;
  }

  public LocalDate start() {
    return start;
  }

  public int days() {
    return days;
  }

  public LocalDate date(int day) {
    return start.plusDays(day);
  }

  /**
   * Checks a day index.
   *
   * @throws IllegalArgumentException if {@code day} is not a day of this panel
   */
  public void requireDay(int day) {
    if (day < 0 || day >= days) {
      throw new IllegalArgumentException(
          "day must be in [0, " + days + ") of the panel, was " + day);
    }
  }

  /** The day index of {@code date}, or -1 when it is outside the panel. */
  public int dayOf(LocalDate date) {
    long d = date.toEpochDay() - start.toEpochDay();
    return d >= 0 && d < days ? (int) d : -1;
  }

  public double[] closes(int asset) {
    return close[asset].clone();
  }

  public double[] highs(int asset) {
    return high[asset].clone();
  }

  public double[] lows(int asset) {
    return low[asset].clone();
  }

  public double[] volumes(int asset) {
    return volume[asset].clone();
  }

  public double[] marketCaps(int asset) {
    return marketCap[asset].clone();
  }

  // Internal arrays for the grader, which only reads them.
  double[] close(int asset) {
    return close[asset];
  }

  double[] high(int asset) {
    return high[asset];
  }

  double[] low(int asset) {
    return low[asset];
  }

  double[] volume(int asset) {
    return volume[asset];
  }

  double[] marketCap(int asset) {
    return marketCap[asset];
  }

  @Override
  public String toString() {
    return "MarketPanel[" + assets.size() + " assets, " + days + " days from " + start + "]";
  }

  private static double[][] copy(String name, double[][] columns, int n, int days) {
    Objects.requireNonNull(columns, name);
    if (columns.length != n) {
      throw new IllegalArgumentException(n + " assets but " + columns.length + " " + name
          + " columns");
    }
    double[][] out = new double[n][];
    for (int a = 0; a < n; a++) {
      if (columns[a].length != days) {
        throw new IllegalArgumentException(
            name + " column " + a + " has " + columns[a].length + " days, expected " + days);
      }
      out[a] = columns[a].clone();
    }
    return out;
  }

  private static void requireMissingOrNonNegative(String field, double value, AssetId id, int d) {
    if (value < 0 || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " of " + id + " on day " + d + " must be NaN or a non-negative finite number,"
              + " was " + value);
    }
  }

  private static double[][] nans(int n, int days) {
    double[][] out = new double[n][];
    for (int a = 0; a < n; a++) {
      out[a] = nans(days);
    }
    return out;
  }

  private static double[] nans(int days) {
    double[] a = new double[days];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
