package dev.ballast.core.asset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The assets Ballast knows without being told: names, and for stablecoins the peg, collateral and
 * issuer (which decide whether the stablecoin sleeve may hold them, see {@code
 * docs/importing.md}). {@link #builtIn()} is read from {@code registry.csv} next to this class.
 * Immutable and thread-safe.
 */
public final class AssetRegistry {

  static final String RESOURCE = "registry.csv";
  static final String HEADER = "symbol,name,kind,pegCurrency,pegTarget,collateral,issuer";
  private static final int COLUMNS = 7;

  private final Map<AssetId, Asset> assets;
  private final List<Asset> sorted;

  private AssetRegistry(Map<AssetId, Asset> assets) {
    this.assets = Map.copyOf(assets);
    this.sorted = new TreeMap<>(assets).values().stream().toList();
  }

  /** The registry shipped with Ballast. */
  public static AssetRegistry builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** A registry of the given assets, for tests and for registries kept elsewhere. */
  public static AssetRegistry of(Collection<Asset> assets) {
    Map<AssetId, Asset> byId = new TreeMap<>();
    for (Asset asset : assets) {
      if (byId.put(asset.id(), asset) != null) {
        throw new IllegalArgumentException("asset " + asset.id() + " is listed twice");
      }
    }
    return new AssetRegistry(byId);
  }

  public Optional<Asset> find(AssetId id) {
    return Optional.ofNullable(assets.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * The asset {@code id} is, with the user's overrides applied over the registry's entry. An
   * unknown symbol without overrides is a coin named after its symbol. A stablecoin needs a
   * collateral type, from the registry or the overrides; its peg defaults to 1 USD and its issuer
   * to "unknown".
   *
   * @throws IllegalArgumentException if the asset is to be a stablecoin and no collateral is known
   */
  public Asset classify(AssetId id, AssetOverrides overrides) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(overrides, "overrides");
    Optional<Asset> known = find(id);
    String name = overrides.name().or(() -> known.map(Asset::name)).orElse(id.symbol());
    AssetKind kind = overrides.kind().orElseGet(() -> overrides.impliesStablecoin()
        ? AssetKind.STABLECOIN
        : known.map(Asset::kind).orElse(AssetKind.COIN));
    if (kind == AssetKind.COIN) {
      return Asset.coin(id, name);
    }
    Optional<StablecoinTerms> terms = known.flatMap(Asset::stablecoinTerms);
    Collateral collateral = overrides.collateral()
        .or(() -> terms.map(StablecoinTerms::collateral))
        .orElseThrow(() -> new IllegalArgumentException(id + " is not a stablecoin Ballast knows:"
            + " give its --collateral (one of fiat-backed, crypto-backed, algorithmic,"
            + " commodity-backed) to import it as a stablecoin"));
    String pegCurrency = overrides.pegCurrency()
        .or(() -> terms.map(StablecoinTerms::pegCurrency)).orElse("USD");
    BigDecimal pegTarget = overrides.pegTarget()
        .or(() -> terms.map(StablecoinTerms::pegTarget)).orElse(BigDecimal.ONE);
    String issuer = overrides.issuer().or(() -> terms.map(StablecoinTerms::issuer)).orElse(null);
    return Asset.stablecoin(id, name,
        new StablecoinTerms(pegCurrency, pegTarget, collateral, issuer));
  }

  /** Every asset, by symbol. */
  public List<Asset> all() {
    return sorted;
  }

  /**
   * Reads a registry file: the header {@value #HEADER}, then one asset a line; {@code #} starts a
   * comment line. Coins leave the last four columns empty.
   *
   * @throws IllegalArgumentException naming the source and line of a bad or repeated entry
   */
  static AssetRegistry read(Reader reader, String source) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    Map<AssetId, Asset> byId = new TreeMap<>();
    String line;
    int number = 0;
    boolean headerSeen = false;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        if (!line.strip().equals(HEADER)) {
          throw new IllegalArgumentException(
              source + " line " + number + ": expected the header " + HEADER + ", was " + line);
        }
        headerSeen = true;
        continue;
      }
      Asset asset;
      try {
        asset = entry(line.split(",", -1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
      }
      if (byId.put(asset.id(), asset) != null) {
        throw new IllegalArgumentException(
            source + " line " + number + ": " + asset.id() + " is listed twice");
      }
    }
    return new AssetRegistry(byId);
  }

  private static Asset entry(String[] f) {
    if (f.length != COLUMNS) {
      throw new IllegalArgumentException("expected " + COLUMNS + " columns, found " + f.length);
    }
    AssetId id = AssetId.of(f[0]);
    AssetKind kind = AssetKind.parse(f[2]);
    if (kind == AssetKind.COIN) {
      for (int i = 3; i < COLUMNS; i++) {
        if (!f[i].isBlank()) {
          throw new IllegalArgumentException("coin " + id + " must leave the stablecoin columns"
              + " empty, has " + f[i].strip());
        }
      }
      return Asset.coin(id, f[1]);
    }
    BigDecimal target;
    try {
      target = new BigDecimal(f[4].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pegTarget of " + id + " is not a number: " + f[4]);
    }
    return Asset.stablecoin(id, f[1],
        new StablecoinTerms(f[3], target, Collateral.parse(f[5]), f[6]));
  }

  /** Loaded on first use; a broken resource is a build error, so it fails loudly. */
  private static final class BuiltIn {
    static final AssetRegistry INSTANCE = load();

    private static AssetRegistry load() {
      try (InputStream in = AssetRegistry.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the built-in asset registry " + RESOURCE
              + " is missing from the classpath next to " + AssetRegistry.class.getName());
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in asset registry " + RESOURCE, e);
      }
    }
  }
}
