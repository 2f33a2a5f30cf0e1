package dev.ballast.ratings.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetRegistry;
import dev.ballast.core.importer.HistoryFiles;
import dev.ballast.core.importer.ParsedHistory;
import dev.ballast.core.price.PriceSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the real market data lives (copied from core's test helper of the same name, which ratings
 * cannot see): the shared {@code data} folder next to the checkout, never inside the repository
 * (its licence is CoinGecko's). Surefire passes it as {@code ballast.shared.data}. A missing folder
 * or file fails the test instead of skipping it, so that a green build means the real data was
 * read.
 */
public final class SharedData {

  /** The stablecoins of the shared CoinGecko exports. */
  public static final List<String> STABLECOINS =
      List.of("USDT", "USDC", "DAI", "PYUSD", "USDE", "USDS", "USDG", "PAXG", "XAUT");

  private SharedData() {}

  public static Path root() {
    String property = System.getProperty("ballast.shared.data");
    Path dir =
        property != null && !property.isBlank()
            ? Path.of(property)
            : Path.of(System.getProperty("user.dir"))
                .toAbsolutePath()
                .getParent()
                .resolve("../shared/data");
    dir = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      fail(
          "the shared market data is missing: no folder "
              + dir
              + " (set -Dballast.shared.data=<folder with coingecko/>)");
    }
    return dir;
  }

  /** The daily series of one CoinGecko export, {@code <root>/coingecko/<symbol>-usd-max.csv}. */
  public static PriceSeries coingecko(String symbol) {
    Path file =
        root().resolve("coingecko").resolve(symbol.toLowerCase(Locale.ROOT) + "-usd-max.csv");
    if (!Files.isRegularFile(file)) {
      fail("the shared CoinGecko file is missing: " + file);
    }
    ParsedHistory parsed = HistoryFiles.parse(file, Optional.empty());
    return parsed.toSeries();
  }

  /** The built-in registry's entry of a symbol, failing if it is unknown. */
  public static Asset asset(String symbol) {
    return AssetRegistry.builtIn()
        .find(AssetId.of(symbol))
        .orElseThrow(() -> new AssertionError("no registry entry for " + symbol));
  }

  /** The assets of {@link #STABLECOINS}. */
  public static List<Asset> stablecoinAssets() {
    List<Asset> assets = new ArrayList<>();
    for (String s : STABLECOINS) {
      assets.add(asset(s));
    }
    return assets;
  }

  /** The series of {@link #STABLECOINS}. */
  public static List<PriceSeries> stablecoinSeries() {
    List<PriceSeries> series = new ArrayList<>();
    for (String s : STABLECOINS) {
      series.add(coingecko(s));
    }
    return series;
  }
}
