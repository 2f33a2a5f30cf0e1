package dev.ballast.ratings.grade;

import java.util.Arrays;

/**
 * Percentile ranks of one cross-section of values with primitive sorting only: no boxing, no
 * comparator, no allocation after construction. Not thread-safe: one per thread, reused.
 *
 * <p>Each value becomes a {@code long} whose signed order is the value's order (the IEEE bits with
 * the magnitude flipped for negatives), its lowest bits replaced by the value's position, so one
 * {@link Arrays#sort(long[], int, int)} orders values and carries their positions. Values that
 * differ only in those low bits (relative difference below about {@code 2^-41} for 2,000 values)
 * may come out in position order; one insertion pass on the exact values repairs that in linear
 * time, so the result is exact.
 */
final class PercentileRanker {

  private final long[] keys;
  private final int[] members;
  private final int[] order;
  private final double[] values;

  PercentileRanker(int capacity) {
    keys = new long[capacity];
    members = new int[capacity];
    order = new int[capacity];
    values = new double[capacity];
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
      if (Double.isNaN(v)) {
        out[i] = Double.NaN;
      } else {
        values[m] = v + 0.0; // -0.0 becomes 0.0: equal values must have equal keys
        members[m] = i;
        m++;
      }
    }
    if (m == 0) {
      return 0;
    }
    if (m == 1) {
      out[members[0]] = 50;
      return 1;
    }
    int bits = 32 - Integer.numberOfLeadingZeros(m - 1);
    long low = (1L << bits) - 1;
    for (int j = 0; j < m; j++) {
      long b = Double.doubleToRawLongBits(values[j]);
      keys[j] = ((b ^ ((b >> 63) & Long.MAX_VALUE)) & ~low) | j;
    }
    Arrays.sort(keys, 0, m);
    for (int j = 0; j < m; j++) {
      order[j] = (int) (keys[j] & low);
    }
    for (int j = 1; j < m; j++) {
      int o = order[j];
      double v = values[o];
      int k = j - 1;
      while (k >= 0 && values[order[k]] > v) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = o;
    }
    double span = m - 1;
    for (int i = 0; i < m; ) {
      double v = values[order[i]];
      int j = i + 1;
      while (j < m && values[order[j]] == v) {
        j++;
      }
      // Average 0-based rank of positions i..j-1 is (i + j - 1) / 2; 100 * that / (m - 1).
      double percentile = 50.0 * (i + j - 1) / span;
      for (int k = i; k < j; k++) {
        out[members[order[k]]] = percentile;
      }
      i = j;
    }
    return m;
  }
}
