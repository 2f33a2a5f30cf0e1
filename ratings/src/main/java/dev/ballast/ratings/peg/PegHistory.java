package dev.ballast.ratings.peg;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The peg health of one stablecoin on every day it has a bar, in columns of primitives (the compact
 * form: no object per day), with {@link #health(int)} as the object view of one day and its reasons
 * in words. Index {@code i} is the {@code i}-th bar of the coin's series. Deviations are signed
 * fractions, NaN where a reference is missing; see {@link PegHealth} for each field.
 *
 * <p>Immutable and thread-safe: column accessors return copies, index getters read in place.
 */
public final class PegHistory {

  private final Asset asset;
  private final double target;
  private final PegThresholds thresholds;
  private final int[] epochDays;
  private final double[] close;
  private final double[] low;
  private final double[] high;
  private final double[] consensus;
  private final int[] witnesses;
  private final double[] worst7;
  private final double[] meanAbs7;
  private final double[] worst30;
  private final double[] meanAbs30;
  private final int[] daysOff30;
  private final int[] offInWindow;
  private final int[] lastDepegDay;
  private final byte[] level;
  private final byte[] status;
  private final double[] capChange30;
  private final double[] volumeToCap;

  private PegHistory(Builder b) {
    int n = b.size;
    asset = b.asset;
    target = b.target;
    thresholds = b.thresholds;
    epochDays = Arrays.copyOf(b.epochDays, n);
    close = Arrays.copyOf(b.close, n);
    low = Arrays.copyOf(b.low, n);
    high = Arrays.copyOf(b.high, n);
    consensus = Arrays.copyOf(b.consensus, n);
    witnesses = Arrays.copyOf(b.witnesses, n);
    worst7 = Arrays.copyOf(b.worst7, n);
    meanAbs7 = Arrays.copyOf(b.meanAbs7, n);
    worst30 = Arrays.copyOf(b.worst30, n);
    meanAbs30 = Arrays.copyOf(b.meanAbs30, n);
    daysOff30 = Arrays.copyOf(b.daysOff30, n);
    offInWindow = Arrays.copyOf(b.offInWindow, n);
    lastDepegDay = Arrays.copyOf(b.lastDepegDay, n);
    level = Arrays.copyOf(b.level, n);
    status = Arrays.copyOf(b.status, n);
    capChange30 = Arrays.copyOf(b.capChange30, n);
    volumeToCap = Arrays.copyOf(b.volumeToCap, n);
  }

  public Asset asset() {
    return asset;
  }

  public AssetId assetId() {
    return asset.id();
  }

  public int size() {
    return close.length;
  }

  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(epochDays[i]);
  }

  /** The index of {@code date}, or negative when the coin has no bar that day. */
  public int indexOf(LocalDate date) {
    return Arrays.binarySearch(epochDays, Math.toIntExact(date.toEpochDay()));
  }

  /** The close in USD. */
  public double price(int i) {
    return close[i];
  }

  /** The peg target in USD, NaN for a peg that is not USD. */
  public double target() {
    return target;
  }

  public double deviation(int i) {
    return Judge.deviation(close[i], target);
  }

  /** The consensus price (USD) of the other stablecoins of the peg, NaN if none. */
  public double consensus(int i) {
    return consensus[i];
  }

  public double consensusDeviation(int i) {
    return Judge.deviation(close[i], consensus[i]);
  }

  public double worstDeviation7d(int i) {
    return worst7[i];
  }

  public double meanAbsDeviation7d(int i) {
    return meanAbs7[i];
  }

  public double worstDeviation30d(int i) {
    return worst30[i];
  }

  public double meanAbsDeviation30d(int i) {
    return meanAbs30[i];
  }

  public int daysOffPeg30d(int i) {
    return daysOff30[i];
  }

  public PegStatus status(int i) {
    return Judge.status(status[i]);
  }

  /** The market cap's change over 30 days as a fraction ({@code -0.6} fell 60%), NaN if unknown. */
  public double capChange30d(int i) {
    return capChange30[i];
  }

  /** The 30-day median of daily volume over market cap, NaN with fewer than 15 such days. */
  public double volumeToCap30d(int i) {
    return volumeToCap[i];
  }

  public boolean liquidityWarning(int i) {
    return capFell(i) || thinVolume(i);
  }

  /** The statuses as an array of ordinals of {@link PegStatus}, one per day. */
  public byte[] statusCodes() {
    return status.clone();
  }

  /** The object view of day {@code i}, with its reasons in words. */
  public PegHealth health(int i) {
    return new PegHealth(
        asset.id(),
        date(i),
        close[i],
        deviation(i),
        consensusDeviation(i),
        worst7[i],
        meanAbs7[i],
        worst30[i],
        meanAbs30[i],
        daysOff30[i],
        status(i),
        liquidityWarning(i),
        reasons(i));
  }

  /** Every day as objects: for display and export, not for loops over long histories. */
  public List<PegHealth> all() {
    List<PegHealth> all = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      all.add(health(i));
    }
    return all;
  }

  private boolean capFell(int i) {
    return capChange30[i] < -thresholds.maxCapDrop30d();
  }

  private boolean thinVolume(int i) {
    return volumeToCap[i] < thresholds.minVolumeToCap();
  }

  private String peg() {
    var terms = asset.stablecoinTerms().orElseThrow();
    return terms.pegTarget().stripTrailingZeros().toPlainString() + " " + terms.pegCurrency();
  }

  private String currency() {
    return asset.stablecoinTerms().orElseThrow().pegCurrency();
  }

  private List<String> reasons(int i) {
    PegThresholds t = thresholds;
    List<String> reasons = new ArrayList<>(4);
    double c = close[i];
    double cons = consensus[i];
    if (level[i] == Judge.UNKNOWN) {
      reasons.add(
          "no USD price for the "
              + currency()
              + " peg in the bars, and "
              + (witnesses[i] == 0 ? "no" : "only " + witnesses[i])
              + " other "
              + currency()
              + " stablecoin to compare with: it takes "
              + t.minNonUsdWitnesses()
              + " to tell which one moved"
              + (Double.isNaN(cons)
                  ? ""
                  : "; the close is " + offBy(Judge.deviation(c, cons)) + " theirs"));
      addLiquidity(i, reasons);
      return reasons;
    }
    addTrip(reasons, "close", c, cons, t.depegDeviation(), t.watchDeviation());
    addTrip(reasons, "low", low[i], cons, t.depegIntraday(), t.watchIntraday());
    addTrip(reasons, "high", high[i], cons, t.depegIntraday(), t.watchIntraday());
    if (offInWindow[i] >= t.persistenceDays()) {
      reasons.add(
          "off-peg on "
              + offInWindow[i]
              + " of the last "
              + t.persistenceWindow()
              + " days"
              + (level[i] == Judge.ON_PEG
                  ? ", so not yet trusted although back on peg today"
                  : ""));
    } else if (level[i] == Judge.ON_PEG && lastDepegDay[i] != Integer.MIN_VALUE) {
      reasons.add(
          "back on peg, but DEPEG on "
              + LocalDate.ofEpochDay(lastDepegDay[i])
              + ": watched until it has held for "
              + t.persistenceWindow()
              + " days");
    }
    if (!Double.isNaN(target)) {
      double devT = Judge.deviation(c, target);
      double devC = Judge.deviation(c, cons);
      boolean offT = Math.abs(devT) >= t.watchDeviation();
      boolean offC = Math.abs(devC) >= t.watchDeviation();
      if (offT && !Double.isNaN(cons) && !offC) {
        reasons.add(
            "close is "
                + offBy(devT)
                + " the peg, but within "
                + pct(t.watchDeviation())
                + " of the other stablecoins ("
                + price(cons)
                + "): the "
                + currency()
                + " reference moved, not the peg");
      } else if (offC && !offT) {
        reasons.add(
            "close is "
                + offBy(devC)
                + " the other stablecoins ("
                + price(cons)
                + ") but within "
                + pct(t.watchDeviation())
                + " of the peg: they moved, not this one");
      }
      if (level[i] != Judge.ON_PEG && witnesses[i] == 0) {
        reasons.add(
            "no other " + currency() + " stablecoin trades that day: judged on the peg alone");
      }
    }
    addLiquidity(i, reasons);
    return reasons;
  }

  private void addTrip(
      List<String> reasons, String what, double p, double cons, double depeg, double watch) {
    String band;
    if (Judge.trips(p, target, cons, depeg)) {
      band = "DEPEG";
    } else if (Judge.trips(p, target, cons, watch)) {
      band = "WATCH";
    } else {
      return;
    }
    StringBuilder s = new StringBuilder(what).append(' ').append(price(p)).append(" is ");
    if (!Double.isNaN(target)) {
      s.append(offBy(Judge.deviation(p, target))).append(" the ").append(peg()).append(" peg");
      if (!Double.isNaN(cons)) {
        s.append(" and ");
      }
    }
    if (!Double.isNaN(cons)) {
      s.append(offBy(Judge.deviation(p, cons)))
          .append(" the other ")
          .append(currency())
          .append(" stablecoins (")
          .append(price(cons))
          .append(')');
    }
    s.append(" [")
        .append(band)
        .append(" band ")
        .append(pct(band.equals("DEPEG") ? depeg : watch))
        .append(']');
    reasons.add(s.toString());
  }

  private void addLiquidity(int i, List<String> reasons) {
    if (capFell(i)) {
      reasons.add("liquidity: market cap fell " + pct(-capChange30[i]) + " in 30 days");
    }
    if (thinVolume(i)) {
      reasons.add(
          "liquidity: daily volume is "
              + pct(volumeToCap[i])
              + " of market cap (30-day median), below "
              + pct(thresholds.minVolumeToCap()));
    }
  }

  private static String offBy(double deviation) {
    return pct(Math.abs(deviation)) + (deviation < 0 ? " below" : " above");
  }

  private static String pct(double fraction) {
    double p = fraction * 100;
    return String.format(Locale.ROOT, p >= 1 ? "%.1f%%" : "%.2f%%", p);
  }

  private static String price(double p) {
    return String.format(Locale.ROOT, p >= 100 ? "%.2f" : "%.4f", p);
  }

  @Override
  public String toString() {
    return "PegHistory[" + asset.id() + ", " + size() + " days]";
  }

  /** Collects days in calendar order; not thread-safe, spent by {@link #build()}. */
  static final class Builder {
    private final Asset asset;
    private final double target;
    private final PegThresholds thresholds;
    private int size;
    private final int[] epochDays;
    private final double[] close;
    private final double[] low;
    private final double[] high;
    private final double[] consensus;
    private final int[] witnesses;
    private final double[] worst7;
    private final double[] meanAbs7;
    private final double[] worst30;
    private final double[] meanAbs30;
    private final int[] daysOff30;
    private final int[] offInWindow;
    private final int[] lastDepegDay;
    private final byte[] level;
    private final byte[] status;
    private final double[] capChange30;
    private final double[] volumeToCap;

    Builder(Asset asset, double target, PegThresholds thresholds, int capacity) {
      this.asset = asset;
      this.target = target;
      this.thresholds = thresholds;
      epochDays = new int[capacity];
      close = new double[capacity];
      low = new double[capacity];
      high = new double[capacity];
      consensus = new double[capacity];
      witnesses = new int[capacity];
      worst7 = new double[capacity];
      meanAbs7 = new double[capacity];
      worst30 = new double[capacity];
      meanAbs30 = new double[capacity];
      daysOff30 = new int[capacity];
      offInWindow = new int[capacity];
      lastDepegDay = new int[capacity];
      level = new byte[capacity];
      status = new byte[capacity];
      capChange30 = new double[capacity];
      volumeToCap = new double[capacity];
    }

    void add(
        long epochDay,
        double c,
        double lo,
        double hi,
        double cons,
        int witnessCount,
        double w7,
        double m7,
        double w30,
        double m30,
        int off30,
        int offWindow,
        int lastDepeg,
        byte dayLevel,
        byte dayStatus,
        double capChange,
        double volToCap) {
      int i = size++;
      epochDays[i] = Math.toIntExact(epochDay);
      close[i] = c;
      low[i] = lo;
      high[i] = hi;
      consensus[i] = cons;
      witnesses[i] = witnessCount;
      worst7[i] = w7;
      meanAbs7[i] = m7;
      worst30[i] = w30;
      meanAbs30[i] = m30;
      daysOff30[i] = off30;
      offInWindow[i] = offWindow;
      lastDepegDay[i] = lastDepeg;
      level[i] = dayLevel;
      status[i] = dayStatus;
      capChange30[i] = capChange;
      volumeToCap[i] = volToCap;
    }

    PegHistory build() {
      return new PegHistory(this);
    }
  }
}
