package dev.ballast.ratings.peg;

/**
 * The band tests shared by {@link PegMonitor}, which decides, and {@link PegHistory}, which
 * explains: one place, so the words can never disagree with the status.
 */
final class Judge {

  static final byte ON_PEG = 0;
  static final byte WATCH = 1;
  static final byte DEPEG = 2;
  static final byte UNKNOWN = 3;

  private static final PegStatus[] STATUSES = {
    PegStatus.ON_PEG, PegStatus.WATCH, PegStatus.DEPEG, PegStatus.UNKNOWN
  };

  private Judge() {}

  static PegStatus status(byte code) {
    return STATUSES[code];
  }

  /** {@code price / reference - 1}, NaN when either is missing. */
  static double deviation(double price, double reference) {
    return price / reference - 1;
  }

  /**
   * Whether a price is at least {@code band} off both references. With no target (a gold peg) the
   * consensus alone decides; with no consensus (a lone coin) the target alone.
   */
  static boolean trips(double price, double target, double consensus, double band) {
    if (Double.isNaN(price)) {
      return false;
    }
    boolean offTarget = Math.abs(deviation(price, target)) >= band;
    boolean offConsensus = Math.abs(deviation(price, consensus)) >= band;
    if (Double.isNaN(target)) {
      return offConsensus;
    }
    return offTarget && (Double.isNaN(consensus) || offConsensus);
  }

  /** The day's own level from its close and, where known, its low and high. */
  static byte dayLevel(
      double close, double low, double high, double target, double consensus, PegThresholds t) {
    if (trips(close, target, consensus, t.depegDeviation())
        || trips(low, target, consensus, t.depegIntraday())
        || trips(high, target, consensus, t.depegIntraday())) {
      return DEPEG;
    }
    if (trips(close, target, consensus, t.watchDeviation())
        || trips(low, target, consensus, t.watchIntraday())
        || trips(high, target, consensus, t.watchIntraday())) {
      return WATCH;
    }
    return ON_PEG;
  }
}
