package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.asset.AssetOverrides;
import dev.ballast.core.asset.AssetRegistry;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.importer.HistoryImporter;
import dev.ballast.core.importer.HistoryImporter.FileResult;
import dev.ballast.core.importer.RowProblem;
import dev.ballast.core.store.MarketStore;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ballast import [options] <paths...>}: loads daily history from CoinGecko, Yahoo
 * Finance or Binance CSV files, or folders of them, into the configured database. Works while
 * the server runs on the same database.
 */
public final class ImportCommand extends DatabaseCommand {

  private static final int PROBLEMS_SHOWN_PER_FILE = 5;

  public ImportCommand() {
    super("import", "Import daily history from CSV files or folders (CoinGecko, Yahoo, Binance)");
  }

  @Override
  protected void configureArguments(Subparser subparser) {
    subparser.addArgument("paths").nargs("+").metavar("PATH")
        .help("CSV files, or folders whose *.csv files are imported");
    subparser.addArgument("--symbol").help("the asset's symbol (one file only); default: from"
        + " the file name");
    subparser.addArgument("--name").help("the asset's name, if not in the built-in registry");
    subparser.addArgument("--kind").choices("coin", "stablecoin")
        .help("declare the asset's kind, for assets the registry does not know");
    subparser.addArgument("--collateral")
        .help("a stablecoin's backing: fiat-backed, crypto-backed, algorithmic or commodity-backed");
    subparser.addArgument("--peg-currency").help("a stablecoin's peg currency (default USD)");
    subparser.addArgument("--peg-target").help("a stablecoin's peg target (default 1)");
    subparser.addArgument("--issuer").help("a stablecoin's issuer");
    subparser.addArgument("--replace").action(Arguments.storeTrue())
        .help("replace the simulated market if the database holds it");
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    HistoryImporter.Options options = new HistoryImporter.Options(
        Optional.ofNullable(ns.getString("symbol")).map(AssetId::of),
        overrides(ns),
        Boolean.TRUE.equals(ns.getBoolean("replace")));
    List<Path> paths = ns.<String>getList("paths").stream().map(Path::of).toList();
    HistoryImporter importer = new HistoryImporter(
        new MarketStore(context.jdbi(), Clock.systemUTC()), AssetRegistry.builtIn());

    HistoryImporter.Summary summary = importer.importAll(paths, options,
        (result, done, total) -> err.printf("[%" + width(total) + "d/%d] %s%n", done, total,
            describe(result)));

    out.println();
    for (FileResult file : summary.files()) {
      for (int i = 0; i < Math.min(PROBLEMS_SHOWN_PER_FILE, file.problems().size()); i++) {
        RowProblem p = file.problems().get(i);
        out.printf("  skipped %s line %d: %s%n", p.file().getFileName(), p.line(), p.message());
      }
      if (file.problems().size() > PROBLEMS_SHOWN_PER_FILE) {
        out.printf("  ... and %d more problems in %s%n",
            file.problems().size() - PROBLEMS_SHOWN_PER_FILE, file.file().getFileName());
      }
      file.failure().ifPresent(why -> out.printf("  FAILED %s: %s%n", file.file(), why));
    }
    out.printf("Imported %d files in %.2f s: %d days new, %d changed, %d unchanged,"
            + " %d rows skipped, %d files failed.%n",
        summary.files().size() - summary.failedFiles(), summary.elapsed().toMillis() / 1000.0,
        summary.inserted(), summary.updated(), summary.unchanged(), summary.problems(),
        summary.failedFiles());
    if (summary.failedFiles() > 0) {
      throw new CommandFailure(summary.failedFiles() + " of " + summary.files().size()
          + " files could not be imported (see above)");
    }
  }

  private static String describe(FileResult r) {
    String name = r.file().getFileName().toString();
    if (r.failure().isPresent()) {
      return name + ": FAILED";
    }
    return String.format("%s: %s %s, %d new, %d changed, %d unchanged%s", name,
        r.asset().map(AssetId::symbol).orElse("?"),
        r.format().map(f -> f.name().toLowerCase()).orElse(""),
        r.inserted(), r.updated(), r.unchanged(),
        r.problems().isEmpty() ? "" : ", " + r.problems().size() + " rows skipped");
  }

  private static int width(int total) {
    return String.valueOf(total).length();
  }

  private static AssetOverrides overrides(Namespace ns) {
    return new AssetOverrides(
        Optional.ofNullable(ns.getString("name")),
        Optional.ofNullable(ns.getString("kind")).map(k -> AssetKind.valueOf(k.toUpperCase())),
        Optional.ofNullable(ns.getString("collateral")).map(Collateral::parse),
        Optional.ofNullable(ns.getString("peg_currency")),
        Optional.ofNullable(ns.getString("peg_target")).map(ImportCommand::decimal),
        Optional.ofNullable(ns.getString("issuer")));
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--peg-target must be a number, was \"" + text + "\"");
    }
  }
}
