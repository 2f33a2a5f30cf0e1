package dev.ballast.ratings.grade;

import java.util.Arrays;

/**
 * Percentile ranks of one cross-section of values with primitive sorting only: no boxing, no
 * comparator, no allocation after construction. Not thread-safe: one per thread, reused.
 *
 * <p>The non-NaN values are sorted as (value, position) pairs, and every run of equal values
 * gets the average rank of the run. The order only has to be exact on the doubles; which of two
 * equal values comes first does not matter, so every way of sorting below gives bit-identical
 * percentiles. Two ways:
 *
 * <ul>
 *   <li>Radix: each value becomes a 64-bit key whose unsigned order is the value's order (the IEEE
 *       bits with the magnitude flipped for negatives, the sign bit flipped). The 22 highest bits
 *       in which the keys of this cross-section differ are sorted with two stable counting passes
 *       of 11 bits, and one insertion pass on the exact values repairs the order of values that
 *       share those bits (linear unless many values crowd into one such bucket). In {@link
 *       #rankAccumulate} the digits are taken while collecting the values, with the previous
 *       day's shift.
 *   <li>Incremental ({@link #rankAccumulate}): a grader ranks one factor on consecutive days, and
 *       for slow-moving factors yesterday's order of the positions is today's order but for a few
 *       swaps. Insertion sort from yesterday's order is then about linear; it gives up after a
 *       budget of moves and falls back to the radix sort (and keeps to radix for {@value
 *       #COOLDOWN} calls), so a fast-moving factor costs little more than radix alone. On the
 *       benchmark's random walks only {@link Factor#HISTORY} stays within the budget (drawdown
 *       and size need 2.5 and 3.6 moves a value, Sharpe 14, ROC 7 about 150).
 * </ul>
 */
final class PercentileRanker {

  private static final int DIGIT_BITS = 11;
  private static final int PASSES = 2;
  private static final int RADIX_BITS = PASSES * DIGIT_BITS;
  private static final int BUCKETS = 1 << DIGIT_BITS;
  private static final long DIGIT_MASK = BUCKETS - 1;
  private static final long RADIX_MASK = (1L << RADIX_BITS) - 1;

  /** Below this many values, insertion sort beats the radix passes' fixed cost. */
  private static final int INSERTION_ONLY = 48;

  /** Moves an incremental sort may make per value before it gives up for radix. */
  private static final int MOVES_PER_VALUE = 2;

  /** Calls that go straight to radix after an incremental sort gave up. */
  static final int COOLDOWN = 64;

  private final double[] sorted; // the non-NaN values, in order once sorted
  private final int[] positions; // their positions in the input
  private final long[] keys;
  private final long[] packed;
  private final long[] packedSwap;
  private final int[] counts = new int[PASSES * BUCKETS];

  private final double[] percentiles; // by position, for rankAccumulate; 0 where NaN
  private final double[] presence; // by position, for rankAccumulate: 1 if not NaN, else 0

  /**
   * What {@link #rankAccumulate} remembers of one cross-section from one call to the next: the
   * order of yesterday's positions and which had a value. One per factor; the sorting scratch of
   * the ranker is shared by all of them, so a thread's working set stays in its L2 cache.
   */
  static final class History {
    private final int[] previous;
    private final boolean[] member;
    private int previousCount = -1;
    private int cooldown;
    // The radix shift of the previous radix sort: the range of a factor's values, and so the
    // highest bits in which their keys differ, barely moves from one day to the next.
    private int shift = -1;
    // untied[i]: the percentile of the i-th smallest of untiedCount values when it is tied with
    // none. Rebuilt only when the count changes, which it rarely does from one day to the next:
    // it saves a division per value, the costliest step of turning ranks into percentiles.
    private final double[] untied;
    private int untiedCount = -1;

    History(int capacity) {
      previous = new int[capacity];
      member = new boolean[capacity];
      untied = new double[capacity];
    }

    /** {@link #untied} for {@code m} values. */
    private double[] untied(int m) {
      if (untiedCount != m) {
        double span = m - 1;
        for (int i = 0; i < m; i++) {
          untied[i] = m == 1 ? 50 : 50.0 * (i + i) / span; // as in rank(), with j = i + 1
        }
        untiedCount = m;
      }
      return untied;
    }
  }

  PercentileRanker(int capacity) {
    sorted = new double[capacity];
    positions = new int[capacity];
    keys = new long[capacity];
    packed = new long[capacity];
    packedSwap = new long[capacity];
    percentiles = new double[capacity];
    presence = new double[capacity];
  }

  /**
   * Writes into {@code out[i]} the percentile of {@code x[i]} among the non-NaN values of {@code
   * x[0..n)}: {@code 100 × (rank - 1) / (m - 1)} with 1-based ranks, ties sharing their average
   * rank, so the lowest value gets 0 and the highest 100. A lone value, like a universe of equal
   * values, gets 50: nothing to compare it with. NaN stays NaN. Returns how many were ranked.
   */
  int rank(double[] x, int n, double[] out) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v != v) {
        out[i] = Double.NaN;
      } else {
        positions[m] = i;
        m++;
      }
    }
    sortPositions(x, 0, m);
    double[] s = sorted;
    int[] pos = positions;
    double span = m - 1;
    for (int i = 0; i < m; ) {
      double v = s[i];
      int j = i + 1;
      while (j < m && s[j] == v) {
        j++;
      }
      // Average 0-based rank of positions i..j-1 is (i + j - 1) / 2; 100 * that / (m - 1).
      double percentile = m == 1 ? 50 : 50.0 * (i + j - 1) / span;
      for (int k = i; k < j; k++) {
        out[pos[k]] = percentile;
      }
      i = j;
    }
    return m;
  }

  /**
   * The percentiles of {@link #rank}, not written out but accumulated: for every non-NaN {@code
   * x[i]} with percentile {@code p}, {@code sum[i] += w * p} and {@code present[i] += w}. Starts
   * from the order {@code history} kept from its previous call, and keeps today's, so one history
   * should follow one factor on consecutive days; any history gives the same result, only the time
   * differs. All three arrays are read from {@code off}: {@code x[off..off+n)} and so on. {@code
   * w} must be finite and greater than 0.
   */
  int rankAccumulate(
      History history, double[] x, int off, int n, double w, double[] sum, double[] present) {
    double[] sorted = this.sorted;
    int[] positions = this.positions;
    boolean[] member = history.member;
    double[] presence = this.presence;
    int m = 0;
    if (history.previousCount >= 0 && history.cooldown == 0) {
      int[] prev = history.previous;
      for (int i = 0; i < history.previousCount; i++) {
        int p = prev[i];
        double v = x[off + p];
        if (v == v) {
          sorted[m] = v + 0.0;
          positions[m] = p;
          m++;
        }
      }
      for (int i = 0; i < n; i++) {
        double v = x[off + i];
        boolean now = v == v;
        if (now && !member[i]) {
          sorted[m] = v + 0.0; // a newcomer: appended, the insertion sort moves it into place
          positions[m] = i;
          m++;
        }
        member[i] = now;
        presence[i] = now ? 1.0 : 0.0;
      }
      if (!insertionSort(m, (long) MOVES_PER_VALUE * m + 64)) {
        sortPositions(x, off, m); // positions[0..m) still hold the same positions, permuted
        history.cooldown = COOLDOWN;
      }
    } else {
      m = collectAndSort(history, x, off, n);
      if (history.cooldown > 0) {
        history.cooldown--;
      }
    }
    System.arraycopy(positions, 0, history.previous, 0, m);
    history.previousCount = m;

    double[] pct = percentiles;
    Arrays.fill(pct, 0, n, 0.0);
    double[] untied = history.untied(m);
    double span = m - 1;
    for (int i = 0; i < m; ) {
      double v = sorted[i];
      if (i + 1 == m || sorted[i + 1] != v) {
        pct[positions[i]] = untied[i];
        i++;
        continue;
      }
      int j = i + 2;
      while (j < m && sorted[j] == v) {
        j++;
      }
      double percentile = 50.0 * (i + j - 1) / span; // the same arithmetic as rank()
      for (int k = i; k < j; k++) {
        pct[positions[k]] = percentile;
      }
      i = j;
    }
    // In position order: sequential, rather than a scattered read-modify-write per value, and
    // branch-free so that it vectorises. Where x is NaN both terms are w * 0 = +0.0 (w is finite
    // and > 0), and adding +0.0 leaves any sum bit-identical but -0.0, which these sums of
    // non-negative terms starting from +0.0 never are.
    for (int i = 0; i < n; i++) {
      sum[off + i] += w * pct[i];
      present[off + i] += w * presence[i];
    }
    return m;
  }

  /**
   * Sorts the values {@code x[positions[i]]} of {@code positions[0..m)} (none NaN) into {@code
   * sorted[0..m)}, with their positions, from any order of the positions.
   */
  private void sortPositions(double[] x, int off, int m) {
    if (m >= INSERTION_ONLY && radixSort(x, off, m)) {
      insertionSort(m, Long.MAX_VALUE);
      return;
    }
    double[] s = this.sorted;
    int[] p = this.positions;
    for (int i = 0; i < m; i++) {
      s[i] = x[off + p[i]] + 0.0; // -0.0 becomes 0.0: equal values must have equal keys
    }
    insertionSort(m, Long.MAX_VALUE);
  }

  /**
   * Insertion sort of {@code sorted[0..m)} with their positions; false, with the pairs permuted but
   * not sorted, once more than {@code budget} moves were needed.
   */
  private boolean insertionSort(int m, long budget) {
    double[] s = sorted;
    int[] p = positions;
    for (int i = 1; i < m; i++) {
      double v = s[i];
      if (s[i - 1] <= v) {
        continue;
      }
      int o = p[i];
      int k = i - 1;
      do {
        s[k + 1] = s[k];
        p[k + 1] = p[k];
        k--;
      } while (k >= 0 && s[k] > v);
      s[k + 1] = v;
      p[k + 1] = o;
      budget -= i - 1 - k;
      if (budget < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Collects the non-NaN values of {@code x[off..off+n)} with their positions (and marks them in
   * {@code history.member} and {@link #presence}), and sorts them as {@link #sortPositions} does,
   * but with the radix digits taken in the same pass over {@code x}: with the shift of the
   * history's previous radix sort, checked afterwards and redone in the rare case it changed.
   * Returns how many were collected.
   */
  private int collectAndSort(History history, double[] x, int off, int n) {
    boolean[] member = history.member;
    double[] presence = this.presence;
    long[] src = packed;
    int[] c = counts;
    Arrays.fill(c, 0);
    int shift = Math.max(0, history.shift);
    long and = -1L;
    long or = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = x[off + i];
      boolean now = v == v;
      if (now) {
        long key = key(v + 0.0);
        and &= key;
        or |= key;
        long digits = (key >>> shift) & RADIX_MASK;
        src[m] = digits << 32 | i;
        c[(int) (digits & DIGIT_MASK)]++;
        c[BUCKETS + (int) (digits >>> DIGIT_BITS)]++;
        m++;
      }
      member[i] = now;
      presence[i] = now ? 1.0 : 0.0;
    }
    long differ = and ^ or;
    if (m < INSERTION_ONLY || differ == 0) {
      for (int i = 0; i < m; i++) {
        positions[i] = (int) src[i];
      }
      sortPositions(x, off, m);
      return m;
    }
    int needed = shiftFor(differ);
    if (needed != shift) {
      Arrays.fill(c, 0);
      for (int i = 0; i < m; i++) {
        int p = (int) src[i];
        long digits = (key(x[off + p] + 0.0) >>> needed) & RADIX_MASK;
        src[i] = digits << 32 | p;
        c[(int) (digits & DIGIT_MASK)]++;
        c[BUCKETS + (int) (digits >>> DIGIT_BITS)]++;
      }
    }
    history.shift = needed;
    distribute(x, off, m);
    insertionSort(m, Long.MAX_VALUE);
    return m;
  }

  /**
   * Orders the positions {@code positions[0..m)} by the {@value #RADIX_BITS} highest bits in which
   * the keys of their values differ, and gathers their values into {@code sorted}; values that
   * share those bits may stay out of order (the insertion pass repairs them). False, having done
   * nothing, when all values are equal.
   */
  private boolean radixSort(double[] x, int off, int m) {
    int[] pos = positions;
    long[] k = keys;
    long and = -1L;
    long or = 0;
    for (int i = 0; i < m; i++) {
      long key = key(x[off + pos[i]] + 0.0);
      k[i] = key;
      and &= key;
      or |= key;
    }
    long differ = and ^ or;
    if (differ == 0) {
      return false;
    }
    int shift = shiftFor(differ);
    int[] c = counts;
    Arrays.fill(c, 0);
    long[] src = packed;
    for (int i = 0; i < m; i++) {
      long digits = (k[i] >>> shift) & RADIX_MASK;
      src[i] = digits << 32 | pos[i];
      c[(int) (digits & DIGIT_MASK)]++;
      c[BUCKETS + (int) (digits >>> DIGIT_BITS)]++;
    }
    distribute(x, off, m);
    return true;
  }

  /** The shift that brings the {@value #RADIX_BITS} highest bits set in {@code differ} down. */
  private static int shiftFor(long differ) {
    return Math.max(0, 63 - Long.numberOfLeadingZeros(differ) - (RADIX_BITS - 1));
  }

  /**
   * The counting passes over {@code packed[0..m)} ({@code digits << 32 | position}, with both
   * digits' counts in {@link #counts}), then the positions and their values, in that order, into
   * {@code positions} and {@code sorted}.
   */
  private void distribute(double[] x, int off, int m) {
    int[] c = counts;
    long[] src = packed;
    long[] dst = packedSwap;
    for (int pass = 0; pass < PASSES; pass++) {
      int base = pass * BUCKETS;
      int digitShift = 32 + pass * DIGIT_BITS;
      if (c[base + (int) ((src[0] >>> digitShift) & DIGIT_MASK)] == m) {
        continue; // every key has the same digit here: the pass would not move anything
      }
      int sum = 0;
      for (int b = base; b < base + BUCKETS; b++) {
        int count = c[b];
        c[b] = sum;
        sum += count;
      }
      for (int i = 0; i < m; i++) {
        long e = src[i];
        dst[c[base + (int) ((e >>> digitShift) & DIGIT_MASK)]++] = e;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    int[] pos = positions;
    double[] s = sorted;
    for (int j = 0; j < m; j++) {
      int p = (int) src[j];
      pos[j] = p;
      s[j] = x[off + p] + 0.0;
    }
  }

  /** A 64-bit key whose unsigned order is the order of {@code v} (not NaN, not -0.0). */
  private static long key(double v) {
    long b = Double.doubleToRawLongBits(v);
    return b ^ ((b >> 63) & Long.MAX_VALUE) ^ Long.MIN_VALUE;
  }
}
