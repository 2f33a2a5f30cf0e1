package dev.ballast.rebalancer.engine;

import dev.ballast.core.asset.Asset;
import dev.ballast.ratings.grade.GradeMatrix;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegHistory;
import dev.ballast.ratings.peg.PegReport;
import dev.ballast.ratings.peg.PegStatus;
import dev.ballast.rebalancer.panel.PanelColumns;
import dev.ballast.rebalancer.regime.Breadth;
import dev.ballast.rebalancer.regime.RegimeDetector;
import dev.ballast.rebalancer.regime.RegimeHistory;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything the engine reads about the market, computed once for a panel and shared by every
 * decision and every backtest on it (a parameter sweep must not grade the market again for each
 * parameter set): the panel, both grades of every asset on every day, the stablecoins' peg
 * health, the overlay's regime history and the panel's stablecoins. {@link #precomputed()} holds
 * column copies and rolling statistics the engine derives from these.
 *
 * <p>Immutable and thread-safe by convention: the grade arrays are the caller's and are read,
 * never written; do not change them after building the context.
 *
 * @param traderGrades trader grades {@code [asset][day]} in panel order, NaN where none
 * @param investorGrades investor grades {@code [asset][day]} in panel order, NaN where none
 * @param pegs peg health of (at least) the panel's stablecoins
 * @param regimes the overlay's regime on every panel day
 * @param stablecoins the panel's stablecoins, in panel order: the sleeve's candidates
 */
public record MarketContext(
    MarketPanel panel,
    double[][] traderGrades,
    double[][] investorGrades,
    PegReport pegs,
    RegimeHistory regimes,
    List<Asset> stablecoins,
    Precomputed precomputed) {

  public MarketContext {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(pegs, "pegs");
    Objects.requireNonNull(regimes, "regimes");
    requireGrades("traderGrades", traderGrades, panel);
    requireGrades("investorGrades", investorGrades, panel);
    if (!regimes.start().equals(panel.start()) || regimes.days() != panel.days()) {
      throw new IllegalArgumentException("regimes must cover the panel's days " + panel.start()
          + " + " + panel.days() + ", covered " + regimes.start() + " + " + regimes.days());
    }
    stablecoins = List.copyOf(stablecoins);
    for (Asset s : stablecoins) {
      if (!s.isStablecoin()) {
        throw new IllegalArgumentException("stablecoins must hold stablecoins only, had " + s.id());
      }
    }
    Objects.requireNonNull(precomputed, "precomputed");
    if (precomputed.columns().panel() != panel) {
      throw new IllegalArgumentException("precomputed belongs to another panel");
    }
  }

  /** A context from its parts; {@link #precomputed()} is derived here. */
  public MarketContext(
      MarketPanel panel,
      double[][] traderGrades,
      double[][] investorGrades,
      PegReport pegs,
      RegimeHistory regimes,
      List<Asset> stablecoins) {
    this(panel, traderGrades, investorGrades, pegs, regimes, stablecoins,
        Precomputed.of(Objects.requireNonNull(panel, "panel"), Objects.requireNonNull(pegs,
            "pegs")));
  }

  /**
   * Builds a context: the grades as columns, the regime history, and the panel's stablecoins.
   *
   * <p>The overlay's breadth signal is fed {@link Breadth#aboveOwnAverage}(panel, 50), not the
   * trader grades: trader grades are percentiles across coins, so the share above 50 hovers near
   * one half whatever the market does (see {@code docs/regime-overlay.md}). The trader grades are
   * kept in the context for callers that want them.
   *
   * @param grades the panel's grades ({@code Grader.gradeAll}); must be of this panel
   */
  public static MarketContext of(
      MarketPanel panel, GradeMatrix grades, PegReport pegs, RegimeSettings regimeSettings) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(grades, "grades");
    Objects.requireNonNull(regimeSettings, "regimeSettings");
    if (grades.panel() != panel) {
      throw new IllegalArgumentException("grades were computed on another panel: "
          + grades.panel() + ", not " + panel);
    }
    int n = panel.assetCount();
    double[][] trader = new double[n][];
    double[][] investor = new double[n][];
    for (int a = 0; a < n; a++) {
      trader[a] = grades.traderSeries(a);
      investor[a] = grades.investorSeries(a);
    }
    RegimeHistory regimes =
        RegimeDetector.detect(panel, Breadth.aboveOwnAverage(panel, 50), regimeSettings);
    List<Asset> stablecoins = panel.assets().stream().filter(Asset::isStablecoin).toList();
    return new MarketContext(panel, trader, investor, pegs, regimes, stablecoins);
  }

  /** The investor grades of every panel asset on {@code day} (a new array), NaN where none. */
  public double[] investorGradesOn(int day) {
    double[] out = new double[investorGrades.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = investorGrades[a][day];
    }
    return out;
  }

  @Override
  public String toString() {
    return "MarketContext[" + panel + ", " + stablecoins.size() + " stablecoins]";
  }

  private static void requireGrades(String name, double[][] grades, MarketPanel panel) {
    Objects.requireNonNull(grades, name);
    if (grades.length != panel.assetCount()) {
      throw new IllegalArgumentException(name + " must have one row per panel asset ("
          + panel.assetCount() + "), had " + grades.length);
    }
    for (int a = 0; a < grades.length; a++) {
      if (grades[a] == null || grades[a].length != panel.days()) {
        throw new IllegalArgumentException(name + " of " + panel.asset(a).id() + " must have "
            + panel.days() + " days, had " + (grades[a] == null ? "none" : grades[a].length));
      }
    }
  }

  /**
   * What the engine derives from the context once: the panel's columns with cached rolling
   * statistics, and each assessed stablecoin's peg status on each panel day as a byte, so that the
   * backtester's daily depeg check reads an array instead of building a {@code PegHealth} a day.
   * Immutable and thread-safe.
   */
  public static final class Precomputed {

    /** No peg bar that day (or not assessed). */
    static final byte NO_STATUS = -1;

    private static final PegStatus[] STATUSES = PegStatus.values();

    private final PanelColumns columns;
    private final byte[][] pegStatus; // [asset][day], null for assets not assessed
    private final boolean[] stablecoin;
    // [asset][day], rows made on first use. Racy on purpose: two threads may both fill a cell or
    // a row, with equal values; BigDecimal's value fields are final, so a reference read without
    // synchronisation shows a fully built number (JLS 17.5), and a null means "not yet".
    private final BigDecimal[][] prices;
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();

    private Precomputed(PanelColumns columns, byte[][] pegStatus) {
      this.columns = columns;
      this.pegStatus = pegStatus;
      MarketPanel panel = columns.panel();
      stablecoin = new boolean[panel.assetCount()];
      for (int a = 0; a < stablecoin.length; a++) {
        stablecoin[a] = panel.asset(a).isStablecoin();
      }
      prices = new BigDecimal[panel.assetCount()][];
    }

    static Precomputed of(MarketPanel panel, PegReport pegs) {
      byte[][] status = new byte[panel.assetCount()][];
      for (var id : pegs.assets()) {
        int a = panel.indexOf(id);
        if (a < 0) {
          continue;
        }
        byte[] s = new byte[panel.days()];
        Arrays.fill(s, NO_STATUS);
        PegHistory h = pegs.history(id);
        for (int i = 0; i < h.size(); i++) {
          int d = panel.dayOf(h.date(i));
          if (d >= 0) {
            s[d] = (byte) h.status(i).ordinal();
          }
        }
        status[a] = s;
      }
      return new Precomputed(PanelColumns.cached(panel), status);
    }

    /** The panel's columns, caching rolling statistics across decisions. */
    public PanelColumns columns() {
      return columns;
    }

    /**
     * A value derived from the context once and shared by every backtest on it (the days a
     * calendar fires on, say), computed on first use. {@code key} says what the value is (a
     * record of its inputs and kind, not a bare string that another caller could reuse); the
     * value must be immutable, or at least never written after {@code compute} returns.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<Object, T> compute) {
      return (T) shared.computeIfAbsent(Objects.requireNonNull(key, "key"), compute);
    }

    /** Whether panel asset {@code asset} is a stablecoin. */
    public boolean isStablecoin(int asset) {
      return stablecoin[asset];
    }

    /**
     * {@code BigDecimal.valueOf} of the close of panel asset {@code asset} on {@code day}, or of
     * its last close before (see {@link PanelColumns#lastClose(int, int)}): the exact price the
     * engine trades at, made once per asset and day for every decision and backtest on the
     * context ({@code valueOf} formats and parses the double).
     *
     * @throws IllegalArgumentException if the asset has no close up to the day
     */
    public BigDecimal price(int asset, int day) {
      BigDecimal[] row = prices[asset];
      if (row == null) {
        row = new BigDecimal[columns.days()];
        prices[asset] = row;
      }
      BigDecimal p = row[day];
      if (p == null) {
        double close = columns.lastClose(asset, day);
        if (Double.isNaN(close)) {
          throw new IllegalArgumentException(columns.panel().asset(asset).id()
              + " has no close up to " + columns.panel().date(day));
        }
        p = BigDecimal.valueOf(close);
        row[day] = p;
      }
      return p;
    }

    /** The peg status of panel asset {@code asset} on {@code day}, null when none. */
    public PegStatus pegStatus(int asset, int day) {
      byte[] s = pegStatus[asset];
      return s == null || s[day] == NO_STATUS ? null : STATUSES[s[day]];
    }
  }
}
