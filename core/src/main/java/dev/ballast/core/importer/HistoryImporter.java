package dev.ballast.core.importer;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetOverrides;
import dev.ballast.core.asset.AssetRegistry;
import dev.ballast.core.store.DatasetConflictException;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports files of daily history into the store: each file is parsed, its asset classified by
 * the registry (or the given overrides) and its bars written in one transaction of their own,
 * so a failing file neither stops the others nor leaves half its rows behind. Bad rows are
 * reported with file and line and skipped. Importing the same file twice changes nothing.
 */
public final class HistoryImporter {

  private static final int PARSE_AHEAD = 4;

  private final MarketStore store;
  private final AssetRegistry registry;

  public HistoryImporter(MarketStore store, AssetRegistry registry) {
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** What to import and how to classify it. */
  public record Options(Optional<AssetId> symbol, AssetOverrides overrides, boolean replace) {
    public Options {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(overrides, "overrides");
    }

    public static Options defaults() {
      return new Options(Optional.empty(), AssetOverrides.none(), false);
    }
  }

  /** Told about each file as the import goes, for a progress display. */
  public interface Listener {
    void fileDone(FileResult result, int done, int total);
  }

  /** What happened to one file: counts of days, row problems, or why the whole file failed. */
  public record FileResult(
      Path file,
      Optional<SourceFormat> format,
      Optional<AssetId> asset,
      int inserted,
      int updated,
      int unchanged,
      List<RowProblem> problems,
      Optional<String> failure) {

    static FileResult failed(Path file, String why) {
      return new FileResult(file, Optional.empty(), Optional.empty(), 0, 0, 0, List.of(),
          Optional.of(why));
    }
  }

  /** The whole run. */
  public record Summary(List<FileResult> files, Duration elapsed) {
    public int inserted() {
      return files.stream().mapToInt(FileResult::inserted).sum();
    }

    public int updated() {
      return files.stream().mapToInt(FileResult::updated).sum();
    }

    public int unchanged() {
      return files.stream().mapToInt(FileResult::unchanged).sum();
    }

    public int problems() {
      return files.stream().mapToInt(f -> f.problems().size()).sum();
    }

    public long failedFiles() {
      return files.stream().filter(f -> f.failure().isPresent()).count();
    }
  }

  /**
   * Imports every file named, or found as {@code *.csv} in a folder named.
   *
   * @throws IllegalArgumentException if a path does not exist, or one symbol is given for
   *     several files
   * @throws DatasetConflictException if the database holds the simulated market and {@code
   *     replace} is not set; nothing is changed then
   */
  public Summary importAll(List<Path> paths, Options options, Listener listener) {
    long started = System.nanoTime();
    List<Path> files = HistoryFiles.expand(paths);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .csv files found in " + paths);
    }
    if (options.symbol().isPresent() && files.size() > 1) {
      throw new IllegalArgumentException("a symbol can be given for one file only, but "
          + files.size() + " files were named");
    }
    store.prepareFor(DatasetOrigin.IMPORTED, "imported history", options.replace());
    List<FileResult> results = new ArrayList<>(files.size());
    // Parsing is CPU work and writing waits on the database: parse a few files ahead on another
    // thread while this one writes. The bound keeps memory flat for any number of files.
    ExecutorService parser = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "history-parser");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Deque<Future<Parsed>> ahead = new ArrayDeque<>();
      int next = 0;
      while (results.size() < files.size()) {
        while (next < files.size() && ahead.size() < PARSE_AHEAD) {
          Path file = files.get(next++);
          ahead.add(parser.submit(() -> parse(file, options)));
        }
        FileResult result = write(join(ahead.removeFirst()));
        results.add(result);
        listener.fileDone(result, results.size(), files.size());
      }
    } finally {
      parser.shutdownNow();
    }
    return new Summary(List.copyOf(results), Duration.ofNanos(System.nanoTime() - started));
  }

  /** A file parsed and its asset classified, or the reason it could not be. */
  private record Parsed(Path file, ParsedHistory history, Asset asset, String failure) {}

  private Parsed parse(Path file, Options options) {
    try {
      ParsedHistory history = HistoryFiles.parse(file, options.symbol());
      return new Parsed(file, history, registry.classify(history.asset(), options.overrides()),
          null);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return new Parsed(file, null, null, e.getMessage());
    }
  }

  private FileResult write(Parsed parsed) {
    if (parsed.failure() != null) {
      return FileResult.failed(parsed.file(), parsed.failure());
    }
    ParsedHistory history = parsed.history();
    MarketStore.WriteResult written = store.writeHistory(parsed.asset(), history.bars());
    return new FileResult(parsed.file(), Optional.of(history.format()),
        Optional.of(parsed.asset().id()), written.inserted(), written.updated(),
        written.unchanged(), history.problems(), Optional.empty());
  }

  private static Parsed join(Future<Parsed> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
