package dev.ballast.core.importer;

import dev.ballast.core.asset.AssetId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads files of daily price history (CoinGecko, Yahoo Finance, Binance klines) into {@link
 * ParsedHistory}: pure parsing, no database. The format is told from the first line; the rules of
 * each format are in {@code docs/importing.md}. A bad row is reported as a {@link RowProblem} and
 * the rest of the file is still read; a file that is not one of the formats is an {@link
 * IllegalArgumentException}. Stateless and thread-safe.
 */
public final class HistoryFiles {

  /** Quote currencies stripped from Binance pair names, longest first so that TUSD beats USD. */
  static final List<String> USD_QUOTES =
      List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "DAI", "USD");

  private static final String EXPECTED =
      "expected a CoinGecko export (" + CoinGeckoFormat.EXPECTED_HEADER + "), a Yahoo Finance"
          + " daily CSV (" + YahooFormat.EXPECTED_HEADER + ") or a Binance kline CSV ("
          + BinanceFormat.EXPECTED_HEADER + ")";

  private HistoryFiles() {}

  /**
   * Parses one file.
   *
   * @param symbolOverride the asset the file is about; when empty it is read from the file name
   *     ({@link #symbolFromFileName})
   * @throws IllegalArgumentException if the file is missing, empty or of no known format, or its
   *     name tells no symbol and none is given
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ParsedHistory parse(Path file, Optional<AssetId> symbolOverride) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(symbolOverride, "symbolOverride");
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          file + " is a folder, not a file: list its files with HistoryFiles.expand");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      Lines lines = new Lines(reader, file);
      String first = lines.next();
      if (first == null) {
        throw new IllegalArgumentException("file " + file + " is empty; " + EXPECTED);
      }
      String[] fields = Csv.split(first);
      Header header = new Header(fields);
      if (CoinGeckoFormat.matches(header)) {
        return CoinGeckoFormat.parse(header, lines, collector(file, SourceFormat.COINGECKO,
            symbolOverride));
      }
      if (BinanceFormat.matches(fields)) {
        String firstData = BinanceFormat.isHeader(fields) ? null : first;
        return BinanceFormat.parse(firstData, lines, collector(file, SourceFormat.BINANCE,
            symbolOverride));
      }
      if (YahooFormat.looksLike(header)) {
        List<String> missing = YahooFormat.missingColumns(header);
        if (!missing.isEmpty()) {
          throw new IllegalArgumentException("file " + file + " looks like a Yahoo Finance CSV"
              + " but lacks the column(s) " + missing + "; header was " + header.names()
              + "; expected " + YahooFormat.EXPECTED_HEADER);
        }
        return YahooFormat.parse(header, lines, collector(file, SourceFormat.YAHOO,
            symbolOverride));
      }
      throw new IllegalArgumentException("cannot tell the format of " + file + " from its first"
          + " line " + Csv.abbreviate(first) + "; " + EXPECTED);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static DayCollector collector(
      Path file, SourceFormat format, Optional<AssetId> symbolOverride) {
    AssetId asset = symbolOverride.orElseGet(() -> symbolFromFileName(file, format));
    return new DayCollector(file, asset);
  }

  /**
   * The files to import: each file as given, and the {@code *.csv} files directly inside each
   * folder (not its sub-folders), sorted by name. A file named twice is listed once, where first
   * named, so that a folder and a file inside it do not import the file twice.
   *
   * @throws IllegalArgumentException naming the first path that does not exist
   */
  public static List<Path> expand(List<Path> pathsOrFolders) {
    Objects.requireNonNull(pathsOrFolders, "pathsOrFolders");
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path path : pathsOrFolders) {
      Objects.requireNonNull(path, "path");
      if (Files.isDirectory(path)) {
        for (Path file : csvFilesIn(path)) {
          if (seen.add(file.toAbsolutePath().normalize())) {
            files.add(file);
          }
        }
      } else if (Files.isRegularFile(path)) {
        if (seen.add(path.toAbsolutePath().normalize())) {
          files.add(path);
        }
      } else {
        throw new IllegalArgumentException("no such file or folder: " + path);
      }
    }
    return List.copyOf(files);
  }

  private static List<Path> csvFilesIn(Path folder) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)
            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return files;
  }

  /**
   * The asset a file is about, read from its name as each source names its downloads:
   *
   * <ul>
   *   <li>CoinGecko {@code btc-usd-max.csv} → BTC: the part before the first '-', and the
   *       currency after it must be {@code usd} (CoinGecko also exports {@code btc-eur-max.csv});
   *   <li>Yahoo {@code BTC-USD.csv} → BTC: likewise, and a numeric suffix of four or more digits,
   *       which Yahoo adds to tell apart coins sharing a symbol ({@code UNI7083-USD}), is dropped;
   *   <li>Binance {@code BTCUSDT-1d-2024-01.csv} → BTC: the pair before the first '-' without its
   *       USD quote currency (USDT, USDC, FDUSD, BUSD, TUSD, DAI or USD).
   * </ul>
   *
   * @throws IllegalArgumentException if the name gives no valid symbol, or says the prices are
   *     not in USD; a caller who knows better passes the symbol to {@link #parse}
   */
  public static AssetId symbolFromFileName(Path file, SourceFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    String name = file.getFileName().toString();
    String base = name.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? name.substring(0, name.length() - 4) : name;
    String[] parts = base.split("-", -1);
    String head = parts[0].strip();
    if (format == SourceFormat.BINANCE) {
      head = stripUsdQuote(head, file);
    } else {
      String currency = parts.length > 1 ? parts[1].strip() : "";
      if (!currency.equalsIgnoreCase("usd")) {
        throw new IllegalArgumentException("the file name " + name + " does not say the prices"
            + " are in USD (" + format + " files are named like " + example(format) + "); give"
            + " the symbol if they are");
      }
      if (format == SourceFormat.YAHOO) {
        head = head.replaceFirst("(?<=[A-Za-z])[0-9]{4,}$", "");
      }
    }
    try {
      return AssetId.of(head);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot tell the asset from the file name " + name
          + " (" + format + " files are named like " + example(format) + "); give the symbol: "
          + e.getMessage(), e);
    }
  }

  private static String stripUsdQuote(String pair, Path file) {
    String upper = pair.toUpperCase(Locale.ROOT);
    for (String quote : USD_QUOTES) {
      if (upper.length() > quote.length() && upper.endsWith(quote)) {
        return pair.substring(0, pair.length() - quote.length());
      }
    }
    throw new IllegalArgumentException("the Binance pair " + Csv.abbreviate(pair) + " in "
        + file.getFileName() + " is not quoted in one of " + USD_QUOTES
        + ", so its prices are not USD; import a USD-quoted pair, or give the symbol to take the"
        + " prices as USD anyway");
  }

  private static String example(SourceFormat format) {
    switch (format) {
      case COINGECKO:
        return "btc-usd-max.csv";
      case YAHOO:
        return "BTC-USD.csv";
      default:
        return "BTCUSDT-1d-2024-01.csv";
    }
  }
}
