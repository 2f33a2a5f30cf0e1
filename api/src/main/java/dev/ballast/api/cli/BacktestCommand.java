package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.Indices;
import dev.ballast.api.Ratings;
import dev.ballast.ratings.history.RatingService;
import dev.ballast.rebalancer.backtest.BacktestJson;
import dev.ballast.rebalancer.backtest.BacktestReport;
import dev.ballast.rebalancer.backtest.BacktestResult;
import dev.ballast.rebalancer.backtest.BacktestSettings;
import dev.ballast.rebalancer.backtest.Backtester;
import dev.ballast.rebalancer.backtest.Metrics;
import dev.ballast.rebalancer.backtest.Progress;
import dev.ballast.rebalancer.engine.EngineSettings;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.store.IndexDefinitionDao;
import dev.ballast.rebalancer.store.StoredIndex;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ballast backtest --index ID [--from DATE] [--to DATE] [--report FILE] [--json FILE]}:
 * runs an index (stored, built-in, or {@code --definition FILE}) over the stored history, shows
 * its progress, prints the metrics of the index and its benchmarks, and writes a self-contained
 * HTML report with charts (and, with {@code --json}, the whole result for scripts).
 */
public final class BacktestCommand extends DatabaseCommand {

  public BacktestCommand() {
    super("backtest", "Backtest an index over the stored history, with benchmarks and a report");
  }

  @Override
  protected void configureArguments(Subparser subparser) {
    subparser.addArgument("--index").metavar("ID")
        .help("a stored or built-in index (" + String.join(", ", IndexDefinitions.BUILT_IN_IDS)
            + ")");
    subparser.addArgument("--definition").metavar("FILE")
        .help("an index definition in YAML or JSON, instead of --index");
    DayRange.addArguments(subparser);
    subparser.addArgument("--capital").metavar("USD").setDefault("1000000")
        .help("starting value in USD (default 1000000)");
    subparser.addArgument("--report").metavar("FILE")
        .help("the HTML report (default: backtest-ID-FROM-TO.html in the current directory)");
    subparser.addArgument("--json").metavar("FILE")
        .help("also write the whole result as JSON");
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context)
      throws IOException {
    IndexDefinition definition = definition(ns, context);
    BigDecimal capital = capital(ns.getString("capital"));
    Path report = ns.getString("report") == null ? null : Paths.get(ns.getString("report"));
    Path json = ns.getString("json") == null ? null : Paths.get(ns.getString("json"));
    RatingService ratings = new RatingService(context.jdbi(),
        Ratings.settings(context.config().getGrading()));
    DayRange range = DayRange.of(ns, ratings);
    PrintStream err = System.err;

    long started = System.nanoTime();
    err.printf("grading the stored market up to %s ...%n", range.to());
    EngineSettings engine = Indices.engineSettings(context.config().getIndices());
    RatingService.Graded graded = ratings.compute(range.to());
    MarketContext ctx = MarketContext.of(graded.panel(), graded.grades(), graded.pegs(),
        engine.regime());
    BacktestResult result = Backtester.run(definition, ctx, range.from(), range.to(),
        new BacktestSettings(capital, engine, true), progress(err));
    err.println();

    if (report == null) {
      report = Paths.get("backtest-" + definition.id() + "-" + result.from() + "-" + result.to()
          + ".html");
    }
    Files.writeString(report, BacktestReport.html(result), StandardCharsets.UTF_8);
    if (json != null) {
      BacktestJson.write(result, json);
    }
    print(result);
    System.out.printf("report: %s%n", report.toAbsolutePath());
    if (json != null) {
      System.out.printf("json: %s%n", json.toAbsolutePath());
    }
    err.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private static IndexDefinition definition(Namespace ns, Context context) {
    String id = ns.getString("index");
    String file = ns.getString("definition");
    if ((id == null) == (file == null)) {
      throw new CommandFailure("give either --index ID or --definition FILE");
    }
    if (file != null) {
      Path path = Paths.get(file);
      if (!Files.isRegularFile(path)) {
        throw new CommandFailure("--definition " + file + ": no such file");
      }
      return IndexDefinitions.read(path);
    }
    IndexId index;
    try {
      index = IndexId.of(id);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("--index: " + e.getMessage());
    }
    Optional<StoredIndex> stored =
        context.jdbi().withExtension(IndexDefinitionDao.class, dao -> dao.find(index));
    if (stored.isPresent()) {
      return stored.get().definition();
    }
    if (IndexDefinitions.BUILT_IN_IDS.contains(index.value())) {
      return IndexDefinitions.builtIn(index.value());
    }
    throw new CommandFailure("--index: no index " + index + " is stored or built in (built in: "
        + String.join(", ", IndexDefinitions.BUILT_IN_IDS) + ")");
  }

  private static BigDecimal capital(String text) {
    try {
      BigDecimal capital = new BigDecimal(text.strip());
      if (capital.compareTo(BigDecimal.ONE) < 0 || capital.compareTo(new BigDecimal("1e15")) > 0) {
        throw new CommandFailure("--capital must be between 1 and 1e15 USD, was " + text);
      }
      return capital;
    } catch (NumberFormatException e) {
      throw new CommandFailure("--capital must be a number of USD, was \"" + text + "\"");
    }
  }

  /** A progress line on stderr, redrawn at each whole percent. */
  private static Progress progress(PrintStream err) {
    int[] shown = {-1};
    return (done, total) -> {
      int percent = total == 0 ? 100 : (int) (100L * done / total);
      if (percent != shown[0]) {
        shown[0] = percent;
        err.printf("\rbacktesting %3d%% (%d of %d days)", percent, done, total);
      }
    };
  }

  private static void print(BacktestResult result) {
    System.out.printf("Backtest of %s, %s to %s (%d days)%n", result.index(), result.from(),
        result.to(), result.days());
    System.out.printf(Locale.ROOT, "%-28s %9s %8s %8s %7s %7s %8s %7s %9s %12s %8s%n", "",
        "return", "cagr", "vol", "sharpe", "sortino", "max dd", "calmar", "turnover", "fees",
        "stable");
    for (BacktestResult.Series s : result.series()) {
      Metrics m = s.metrics();
      System.out.printf(Locale.ROOT,
          "%-28s %8.1f%% %7.1f%% %7.1f%% %7.2f %7.2f %7.1f%% %7.2f %9.2f %12.2f %7.1f%%%n",
          s.name(), 100 * m.totalReturn(), 100 * m.cagr(), 100 * m.volatility(), m.sharpe(),
          m.sortino(), 100 * m.maxDrawdown(), m.calmar(), m.turnover(), m.feesPaid(),
          100 * m.timeInStablecoins());
    }
    System.out.printf("%d rebalances%n", result.rebalances().size());
    result.warnings().forEach(w -> System.out.println("warning: " + w));
  }
}
