package dev.ballast.rebalancer.regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The overlay's regime and evidence on every day of a panel, in columns of primitives (no object
 * per day); {@link #evidence(int)} is the object view of one day. Day {@code d} is {@code start +
 * d}. Immutable and thread-safe: nothing is exposed that could change it.
 */
public final class RegimeHistory {

  private static final Regime[] REGIMES = Regime.values();

  private final LocalDate start;
  private final RegimeSettings settings;
  private final double[] level;
  private final double[] vol;
  private final double[] volPct;
  private final double[] maShort;
  private final double[] maLong;
  private final double[] breadth;
  private final int[] breadthCoins;
  private final boolean gradesGiven;
  private final byte[] volVote;
  private final byte[] trendVote;
  private final byte[] breadthVote;
  private final byte[] raw;
  private final byte[] held;

  RegimeHistory(
      LocalDate start,
      RegimeSettings settings,
      double[] level,
      double[] vol,
      double[] volPct,
      double[] maShort,
      double[] maLong,
      double[] breadth,
      int[] breadthCoins,
      boolean gradesGiven,
      byte[] volVote,
      byte[] trendVote,
      byte[] breadthVote,
      byte[] raw,
      byte[] held) {
    this.start = Objects.requireNonNull(start, "start");
    this.settings = settings;
    this.level = level;
    this.vol = vol;
    this.volPct = volPct;
    this.maShort = maShort;
    this.maLong = maLong;
    this.breadth = breadth;
    this.breadthCoins = breadthCoins;
    this.gradesGiven = gradesGiven;
    this.volVote = volVote;
    this.trendVote = trendVote;
    this.breadthVote = breadthVote;
    this.raw = raw;
    this.held = held;
  }

  public LocalDate start() {
    return start;
  }

  public int days() {
    return held.length;
  }

  public LocalDate date(int day) {
    return start.plusDays(day);
  }

  /** The day index of {@code date}, or -1 outside the history. */
  public int dayOf(LocalDate date) {
    long d = date.toEpochDay() - start.toEpochDay();
    return d >= 0 && d < held.length ? (int) d : -1;
  }

  public RegimeSettings settings() {
    return settings;
  }

  /** The regime held on {@code day}, after hysteresis. */
  public Regime regime(int day) {
    return REGIMES[held[day]];
  }

  /** The regime on {@code date}. @throws IllegalArgumentException outside the history */
  public Regime regime(LocalDate date) {
    return regime(requireDay(date));
  }

  /** The regime the day's score alone points to, before hysteresis. */
  public Regime rawRegime(int day) {
    return REGIMES[raw[day]];
  }

  /** The fraction (0..1) of the index to hold in the stablecoin sleeve on {@code day}. */
  public double stablecoinFraction(int day) {
    return settings.stablecoinFraction(regime(day));
  }

  /** The cap-weighted coin index level, 1.0 on the first day. */
  public double indexLevel(int day) {
    return level[day];
  }

  /** How many times the held regime changed from day {@code from} to day {@code to} inclusive. */
  public int switches(int from, int to) {
    int n = 0;
    for (int d = Math.max(1, from + 1); d <= to; d++) {
      if (held[d] != held[d - 1]) {
        n++;
      }
    }
    return n;
  }

  /** The days on which the held regime differs from the day before. */
  public List<LocalDate> switchDates() {
    List<LocalDate> out = new ArrayList<>();
    for (int d = 1; d < held.length; d++) {
      if (held[d] != held[d - 1]) {
        out.add(date(d));
      }
    }
    return out;
  }

  public RegimeEvidence evidence(LocalDate date) {
    return evidence(requireDay(date));
  }

  /** The object view of one day, with notes on any signal that could not vote. */
  public RegimeEvidence evidence(int day) {
    List<String> notes = new ArrayList<>(3);
    if (Double.isNaN(vol[day])) {
      notes.add(String.format(Locale.ROOT, "warming up: volatility needs %d days of index returns",
          settings.volWindow() + 1));
    } else if (Double.isNaN(volPct[day])) {
      notes.add(String.format(Locale.ROOT,
          "warming up: the volatility percentile needs %d days of volatility history",
          settings.volMinHistory()));
    }
    if (Double.isNaN(maLong[day])) {
      notes.add(String.format(Locale.ROOT, "warming up: trend needs the %d-day average",
          settings.trendLong()));
    }
    if (!gradesGiven) {
      notes.add("breadth unavailable: no trader grades given; the other signals decide");
    } else if (breadthCoins[day] < settings.breadthMinCoins()) {
      notes.add(String.format(Locale.ROOT,
          "breadth unavailable: %d graded coins, %d needed", breadthCoins[day],
          settings.breadthMinCoins()));
    }
    return new RegimeEvidence(
        date(day),
        regime(day),
        stablecoinFraction(day),
        rawRegime(day),
        volVote[day] + trendVote[day] + breadthVote[day],
        level[day],
        vol[day],
        volPct[day],
        volVote[day],
        maShort[day],
        maLong[day],
        trendVote[day],
        breadth[day],
        breadthCoins[day],
        breadthVote[day],
        notes);
  }

  private int requireDay(LocalDate date) {
    int d = dayOf(Objects.requireNonNull(date, "date"));
    if (d < 0) {
      throw new IllegalArgumentException(
          "date " + date + " is outside the history " + start + ".." + date(days() - 1));
    }
    return d;
  }

  @Override
  public String toString() {
    return "RegimeHistory[" + days() + " days from " + start + "]";
  }
}
