package dev.ballast.ratings.history;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.AssetDao;
import dev.ballast.core.store.BarDao;
import dev.ballast.ratings.evaluation.EvaluationResult;
import dev.ballast.ratings.evaluation.GradeEvaluation;
import dev.ballast.ratings.grade.Grade;
import dev.ballast.ratings.grade.GradeMatrix;
import dev.ballast.ratings.grade.GradeWeights;
import dev.ballast.ratings.grade.Grader;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegHealth;
import dev.ballast.ratings.peg.PegMonitor;
import dev.ballast.ratings.peg.PegReport;
import dev.ballast.ratings.peg.PegThresholds;
import dev.ballast.ratings.signal.SignalRule;
import dev.ballast.ratings.signal.Signals;
import dev.ballast.ratings.store.GradeDao;
import dev.ballast.ratings.store.PegHealthDao;
import dev.ballast.ratings.store.StoredGrade;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Grades the stored market and stores the results: both grades with their breakdowns, the
 * signals and the stablecoins' peg health, per asset and day.
 *
 * <p>Every computation sees the whole history up to the last day graded, never beyond it, and
 * a grade of day D depends only on bars up to D (the graders are free of look-ahead), so
 * grading a range again, or as part of a longer range, stores the same rows. Days are written
 * in chunks, each in one transaction that replaces what was stored for those days.
 * Thread-safe; concurrent runs over the same days end with the rows of the last to finish.
 */
public final class RatingService {

  private static final int DAYS_PER_TRANSACTION = 60;

  private final Jdbi jdbi;
  private final Settings settings;

  public RatingService(Jdbi jdbi, Settings settings) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The methodology's parameters. */
  public record Settings(GradeWeights weights, PegThresholds peg, SignalRule signals) {
    public Settings {
      Objects.requireNonNull(weights, "weights");
      Objects.requireNonNull(peg, "peg");
      Objects.requireNonNull(signals, "signals");
    }

    public static Settings defaults() {
      return new Settings(GradeWeights.defaults(), PegThresholds.defaults(),
          SignalRule.defaults());
    }
  }

  /** Told after each chunk of days is stored. */
  public interface Progress {
    void stored(LocalDate through, int daysDone, int daysTotal);

    Progress NONE = (through, done, total) -> { };
  }

  /** What a run stored. */
  public record Run(LocalDate from, LocalDate to, int days, int grades, int pegRows,
      Duration elapsed) {}

  /** The whole stored market graded up to a day: what evaluations and tools work on. */
  public record Graded(MarketPanel panel, GradeMatrix grades, int[][] signals, PegReport pegs) {}

  /** The day of the newest bar, if any market data is stored. */
  public Optional<LocalDate> lastMarketDay() {
    return jdbi.withExtension(BarDao.class, BarDao::lastDateOfAll);
  }

  /** The newest day with stored grades. */
  public Optional<LocalDate> lastGradedDay() {
    return jdbi.withExtension(GradeDao.class, GradeDao::latestDate);
  }

  /**
   * Grades every stored asset on every day from {@code from} to {@code to} inclusive and stores
   * the results, replacing rows stored for those days. Days before the first bar are skipped.
   *
   * @throws IllegalArgumentException if the range is reversed
   * @throws IllegalStateException if no market data is stored
   */
  public Run grade(LocalDate from, LocalDate to, Progress progress) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    long started = System.nanoTime();
    Graded graded = compute(to);
    MarketPanel panel = graded.panel();
    LocalDate first = from.isBefore(panel.start()) ? panel.start() : from;
    LocalDate last = to.isAfter(panel.date(panel.days() - 1)) ? panel.date(panel.days() - 1) : to;
    int total = first.isAfter(last) ? 0 : (int) ChronoUnit.DAYS.between(first, last) + 1;
    int grades = 0;
    int pegRows = 0;
    for (LocalDate chunk = first; !chunk.isAfter(last);
        chunk = chunk.plusDays(DAYS_PER_TRANSACTION)) {
      LocalDate chunkEnd = chunk.plusDays(DAYS_PER_TRANSACTION - 1);
      LocalDate end = chunkEnd.isAfter(last) ? last : chunkEnd;
      List<StoredGrade> rows = new ArrayList<>();
      List<PegHealth> pegs = new ArrayList<>();
      for (LocalDate d = chunk; !d.isAfter(end); d = d.plusDays(1)) {
        rows.addAll(storedGrades(graded, d));
        for (AssetId stablecoin : graded.pegs().assets()) {
          // Only days with a bar: asOf(d) would carry a coin's last day over a gap.
          graded.pegs().on(stablecoin, d).ifPresent(pegs::add);
        }
      }
      LocalDate chunkFrom = chunk;
      jdbi.useTransaction(handle -> {
        handle.attach(GradeDao.class).replace(chunkFrom, end, rows);
        handle.attach(PegHealthDao.class).replace(chunkFrom, end, pegs);
      });
      grades += rows.size();
      pegRows += pegs.size();
      progress.stored(end, (int) ChronoUnit.DAYS.between(first, end) + 1, total);
    }
    return new Run(first, last, total, grades, pegRows,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Grades the days after the newest graded day up to the newest bar, or the last {@code
   * initialDays} days when nothing is graded yet: what the daily job runs.
   */
  public Optional<Run> gradeNewDays(int initialDays, Progress progress) {
    Optional<LocalDate> lastBar = lastMarketDay();
    if (lastBar.isEmpty()) {
      return Optional.empty();
    }
    LocalDate from = lastGradedDay().map(d -> d.plusDays(1))
        .orElse(lastBar.get().minusDays(initialDays - 1L));
    if (from.isAfter(lastBar.get())) {
      return Optional.empty();
    }
    return Optional.of(grade(from, lastBar.get(), progress));
  }

  /** Grades the whole stored market up to {@code to} in memory, storing nothing. */
  public Graded compute(LocalDate to) {
    List<Asset> assets = jdbi.withExtension(AssetDao.class, AssetDao::all);
    List<PriceSeries> series = jdbi.withExtension(BarDao.class,
        bars -> bars.allSeries(LocalDate.of(1900, 1, 1), to));
    if (series.isEmpty()) {
      throw new IllegalStateException("no market data is stored up to " + to
          + ": import history first ('ballast import <files>')");
    }
    Map<AssetId, Asset> byId = new HashMap<>();
    assets.forEach(a -> byId.put(a.id(), a));
    List<Asset> graded = new ArrayList<>();
    List<Asset> stablecoins = new ArrayList<>();
    List<PriceSeries> stableSeries = new ArrayList<>();
    LocalDate start = to;
    for (PriceSeries s : series) {
      Asset asset = byId.get(s.asset());
      graded.add(asset);
      if (asset.isStablecoin()) {
        stablecoins.add(asset);
        stableSeries.add(s);
      }
      if (s.firstDate().isBefore(start)) {
        start = s.firstDate();
      }
    }
    MarketPanel panel = MarketPanel.of(graded, series, start, to);
    GradeMatrix matrix = Grader.gradeAll(panel, settings.weights());
    int[][] signals = new int[panel.assetCount()][];
    for (int a = 0; a < panel.assetCount(); a++) {
      signals[a] = Signals.fromGrades(matrix.traderSeries(a), settings.signals());
    }
    PegReport pegs = PegMonitor.assess(stablecoins, stableSeries, settings.peg());
    return new Graded(panel, matrix, signals, pegs);
  }

  /** Horizons of the evaluation, in days: the trader grade is short-term, the investor long. */
  public static final int TRADER_HORIZON = 7;

  public static final int INVESTOR_HORIZON = 90;

  /** How well each grade ranked the coins' forward returns over a span of history. */
  public record Evaluation(LocalDate from, LocalDate to, int coins, EvaluationResult trader,
      EvaluationResult investor) {}

  /**
   * Measures the predictive power of both grades on the stored history between two days: the
   * Spearman rank correlation between each coin's grade on day D and its return from D to D +
   * horizon, and the spread between top and bottom quintiles, on non-overlapping dates (step =
   * horizon). Coins only: a stablecoin's return says nothing about a grade's skill.
   */
  public Evaluation evaluate(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    Graded graded = compute(to);
    MarketPanel panel = graded.panel();
    int first = from.isBefore(panel.start()) ? 0 : panel.dayOf(from);
    int days = panel.days() - first;
    List<double[]> trader = new ArrayList<>();
    List<double[]> investor = new ArrayList<>();
    List<double[]> closes = new ArrayList<>();
    for (int a = 0; a < panel.assetCount(); a++) {
      if (panel.asset(a).isStablecoin()) {
        continue;
      }
      trader.add(Arrays.copyOfRange(graded.grades().traderSeries(a), first, first + days));
      investor.add(
          Arrays.copyOfRange(graded.grades().investorSeries(a), first, first + days));
      closes.add(Arrays.copyOfRange(panel.closes(a), first, first + days));
    }
    double[][] close = closes.toArray(double[][]::new);
    return new Evaluation(panel.date(first), to, close.length,
        GradeEvaluation.evaluate(trader.toArray(double[][]::new), close, TRADER_HORIZON),
        GradeEvaluation.evaluate(investor.toArray(double[][]::new), close, INVESTOR_HORIZON));
  }

  private static List<StoredGrade> storedGrades(Graded graded, LocalDate date) {
    MarketPanel panel = graded.panel();
    GradeMatrix matrix = graded.grades();
    int d = panel.dayOf(date);
    List<StoredGrade> rows = new ArrayList<>();
    for (Grade grade : matrix.gradesOn(date)) {
      if (!grade.hasTraderGrade() && !grade.hasInvestorGrade()) {
        continue; // not listed yet, or too little history for either grade
      }
      int a = panel.indexOf(grade.asset());
      // NaN (no change) on an asset's first graded day: NaN minus anything is NaN.
      rows.add(new StoredGrade(grade,
          d > 0 ? matrix.trader(a, d) - matrix.trader(a, d - 1) : Double.NaN,
          d > 0 ? matrix.investor(a, d) - matrix.investor(a, d - 1) : Double.NaN,
          graded.signals()[a][d]));
    }
    return rows;
  }
}
