package dev.ballast.core.price;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The daily history of one asset in columns of primitives, for fast maths: index {@code i} of
 * every column is the day {@link #date(int)}. Days are strictly increasing; a day with no bar
 * is simply absent (use {@link #onCalendar} to line a series up on a dense calendar with NaN
 * holes). Missing values are {@code NaN}, as in {@link DailyBar}.
 *
 * <p>Immutable and thread-safe: the column accessors return copies; index-based getters read
 * without copying.
 */
public final class PriceSeries {

  private final AssetId asset;
  private final int[] epochDays;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;
  private final double[] marketCap;

  private PriceSeries(
      AssetId asset,
      int[] epochDays,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume,
      double[] marketCap) {
    this.asset = asset;
    this.epochDays = epochDays;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.marketCap = marketCap;
  }

  /** Builds a series from bars of one asset in strictly increasing date order. */
  public static PriceSeries of(AssetId asset, List<DailyBar> bars) {
    Objects.requireNonNull(asset, "asset");
    Builder builder = builder(asset, bars.size());
    for (DailyBar bar : bars) {
      if (!bar.asset().equals(asset)) {
        throw new IllegalArgumentException("bar of " + bar.asset() + " in series of " + asset);
      }
      builder.add(bar);
    }
    return builder.build();
  }

  public static Builder builder(AssetId asset, int expectedSize) {
    return new Builder(asset, expectedSize);
  }

  public AssetId asset() {
    return asset;
  }

  public int size() {
    return close.length;
  }

  public boolean isEmpty() {
    return close.length == 0;
  }

  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(epochDays[i]);
  }

  public LocalDate firstDate() {
    requireNotEmpty();
    return date(0);
  }

  public LocalDate lastDate() {
    requireNotEmpty();
    return date(size() - 1);
  }

  public double open(int i) {
    return open[i];
  }

  public double high(int i) {
    return high[i];
  }

  public double low(int i) {
    return low[i];
  }

  public double close(int i) {
    return close[i];
  }

  public double volume(int i) {
    return volume[i];
  }

  public double marketCap(int i) {
    return marketCap[i];
  }

  public int[] epochDays() {
    return epochDays.clone();
  }

  public double[] opens() {
    return open.clone();
  }

  public double[] highs() {
    return high.clone();
  }

  public double[] lows() {
    return low.clone();
  }

  public double[] closes() {
    return close.clone();
  }

  public double[] volumes() {
    return volume.clone();
  }

  public double[] marketCaps() {
    return marketCap.clone();
  }

  public DailyBar bar(int i) {
    return new DailyBar(
        asset, date(i), open[i], high[i], low[i], close[i], volume[i], marketCap[i]);
  }

  public List<DailyBar> bars() {
    List<DailyBar> bars = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      bars.add(bar(i));
    }
    return bars;
  }

  /**
   * The index of {@code date}, or {@code -(insertion point) - 1} when there is no bar that day
   * (as {@link Arrays#binarySearch(int[], int)}).
   */
  public int indexOf(LocalDate date) {
    return Arrays.binarySearch(epochDays, Math.toIntExact(date.toEpochDay()));
  }

  /** The bars from {@code from} to {@code to}, both inclusive. */
  public PriceSeries between(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    int start = insertionPoint(indexOf(from));
    int end = indexOf(to);
    end = end >= 0 ? end + 1 : insertionPoint(end);
    return slice(start, Math.max(start, end));
  }

  /**
   * The closes on every day from {@code from} to {@code to} inclusive, NaN where this series has
   * no bar: the form in which series of different assets line up index by index.
   */
  public double[] closesOnCalendar(LocalDate from, LocalDate to) {
    return onCalendar(close, from, to);
  }

  /** Like {@link #closesOnCalendar} for any column: pass the result of an accessor. */
  public double[] onCalendar(double[] column, LocalDate from, LocalDate to) {
    if (column.length != size()) {
      throw new IllegalArgumentException("column has " + column.length + " values, series " + size());
    }
    long first = from.toEpochDay();
    int days = Math.toIntExact(to.toEpochDay() - first + 1);
    if (days < 0) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    double[] dense = new double[days];
    Arrays.fill(dense, Double.NaN);
    for (int i = 0; i < epochDays.length; i++) {
      long offset = epochDays[i] - first;
      if (offset >= 0 && offset < days) {
        dense[(int) offset] = column[i];
      }
    }
    return dense;
  }

  private PriceSeries slice(int start, int end) {
    return new PriceSeries(
        asset,
        Arrays.copyOfRange(epochDays, start, end),
        Arrays.copyOfRange(open, start, end),
        Arrays.copyOfRange(high, start, end),
        Arrays.copyOfRange(low, start, end),
        Arrays.copyOfRange(close, start, end),
        Arrays.copyOfRange(volume, start, end),
        Arrays.copyOfRange(marketCap, start, end));
  }

  private static int insertionPoint(int searchResult) {
    return searchResult >= 0 ? searchResult : -searchResult - 1;
  }

  private void requireNotEmpty() {
    if (isEmpty()) {
      throw new IllegalStateException("the series of " + asset + " is empty");
    }
  }

  @Override
  public String toString() {
    return isEmpty()
        ? "PriceSeries[" + asset + ", empty]"
        : "PriceSeries[" + asset + ", " + size() + " bars " + firstDate() + ".." + lastDate() + "]";
  }

  /** Collects bars in increasing date order; not thread-safe, and spent by {@link #build()}. */
  public static final class Builder {
    private final AssetId asset;
    private int size;
    private int[] epochDays;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private double[] marketCap;

    private Builder(AssetId asset, int expectedSize) {
      this.asset = Objects.requireNonNull(asset, "asset");
      int capacity = Math.max(16, expectedSize);
      epochDays = new int[capacity];
      open = new double[capacity];
      high = new double[capacity];
      low = new double[capacity];
      close = new double[capacity];
      volume = new double[capacity];
      marketCap = new double[capacity];
    }

    public Builder add(DailyBar bar) {
      return add(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
          bar.marketCap());
    }

    /** Adds a day without building a bar object; values are checked as {@link DailyBar} does. */
    public Builder add(
        LocalDate date,
        double o,
        double h,
        double l,
        double c,
        double v,
        double cap) {
      int day = Math.toIntExact(date.toEpochDay());
      if (size > 0 && day <= epochDays[size - 1]) {
        throw new IllegalArgumentException(
            "bars of " + asset + " must be in strictly increasing date order: " + date
                + " after " + LocalDate.ofEpochDay(epochDays[size - 1]));
      }
      DailyBar.check(asset, date, o, h, l, c, v, cap);
      if (size == close.length) {
        int capacity = size * 2;
        epochDays = Arrays.copyOf(epochDays, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        marketCap = Arrays.copyOf(marketCap, capacity);
      }
      epochDays[size] = day;
      open[size] = o;
      high[size] = h;
      low[size] = l;
      close[size] = c;
      volume[size] = v;
      marketCap[size] = cap;
      size++;
      return this;
    }

    public PriceSeries build() {
      return new PriceSeries(
          asset,
          Arrays.copyOf(epochDays, size),
          Arrays.copyOf(open, size),
          Arrays.copyOf(high, size),
          Arrays.copyOf(low, size),
          Arrays.copyOf(close, size),
          Arrays.copyOf(volume, size),
          Arrays.copyOf(marketCap, size));
    }
  }
}
