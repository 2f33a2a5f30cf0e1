package dev.ballast.core.market.sim;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.PriceSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A deterministic simulated crypto market: daily bars of invented coins and stablecoins, with
 * correlated fat-tailed returns, volatility clustering, scripted bull, bear and crash regimes and
 * two scripted stablecoin events. It is Ballast's offline default data; see {@code
 * docs/simulated-market.md} for the model and every parameter.
 *
 * <p>The same {@link SimulationSettings} always give the same data, on any JVM. Immutable and
 * thread-safe.
 */
public final class SimulatedMarket {

  private final SimulationSettings settings;
  private final List<Asset> assets;
  private final Map<AssetId, PriceSeries> series;
  private final Map<AssetId, double[]> pegInUsd;
  private final Regime[] regimes;
  private final List<ScriptedEvent> events;

  private SimulatedMarket(
      SimulationSettings settings,
      List<Asset> assets,
      Map<AssetId, PriceSeries> series,
      Map<AssetId, double[]> pegInUsd,
      Regime[] regimes,
      List<ScriptedEvent> events) {
    this.settings = settings;
    this.assets = assets;
    this.series = series;
    this.pegInUsd = pegInUsd;
    this.regimes = regimes;
    this.events = events;
  }

  /** Simulates a market; the default one takes a few tens of milliseconds. */
  public static SimulatedMarket generate(SimulationSettings settings) {
    Objects.requireNonNull(settings, "settings");
    int days = settings.days();
    LocalDate[] calendar = new LocalDate[days];
    for (int t = 0; t < days; t++) {
      calendar[t] = settings.start().plusDays(t);
    }
    // Every stream is split from one generator in a fixed order, so that adding draws to one
    // asset does not shift the random numbers of another.
    SplittableRandom root = new SplittableRandom(settings.seed());
    SplittableRandom factorRandom = root.split();
    SplittableRandom coinTraitRandom = root.split();
    SplittableRandom goldRandom = root.split();

    Regime[] regimes = RegimeScript.path(days);
    MarketFactor factor = MarketFactor.simulate(regimes, factorRandom);
    Map<AssetId, PriceSeries> series = new TreeMap<>();
    Map<AssetId, double[]> pegs = new TreeMap<>();
    List<Asset> assets = new ArrayList<>();
    for (CoinSimulator.Coin coin : CoinSimulator.coins(settings.coins(), days, coinTraitRandom)) {
      assets.add(coin.asset());
      series.put(coin.asset().id(), CoinSimulator.simulate(coin, factor, calendar, root.split()));
    }
    double[] gold = StablecoinSimulator.goldPath(days, goldRandom);
    for (StablecoinSimulator.Stablecoin coin : StablecoinSimulator.STABLECOINS) {
      double[] peg = StablecoinSimulator.pegInUsd(coin, gold);
      assets.add(coin.asset());
      pegs.put(coin.asset().id(), peg);
      series.put(
          coin.asset().id(),
          StablecoinSimulator.simulate(coin, peg, regimes, calendar, root.split()));
    }
    assets.sort(Comparator.comparing(Asset::id));
    return new SimulatedMarket(
        settings, List.copyOf(assets), series, pegs, regimes, events(calendar));
  }

  private static List<ScriptedEvent> events(LocalDate[] calendar) {
    int days = calendar.length;
    return List.of(
        new ScriptedEvent(
            AssetId.of("SIMALGO"),
            calendar[StablecoinSimulator.collapseDay(days)],
            calendar[StablecoinSimulator.collapseEnd(days)],
            "The algorithmic stablecoin loses its peg for good: 0.99 to 0.60 in five days and"
                + " 0.10 in eight, then decays toward 0.01 and never recovers; three quarters"
                + " of its supply is redeemed and its market cap collapses"),
        new ScriptedEvent(
            AssetId.of("SIMCASH"),
            calendar[StablecoinSimulator.depegDay(days)],
            calendar[StablecoinSimulator.depegEnd(days)],
            "A fiat-backed stablecoin depegs on fears for its reserve bank: intraday low 0.88"
                + " and close 0.965 on the first day, back within 0.5% of peg on the fifth;"
                + " redemptions shrink its supply by about a tenth"));
  }

  public SimulationSettings settings() {
    return settings;
  }

  /** Coins and stablecoins, sorted by symbol. */
  public List<Asset> assets() {
    return assets;
  }

  /** The daily bars of one asset, from its listing day to the last simulated day. */
  public PriceSeries series(AssetId id) {
    PriceSeries found = series.get(Objects.requireNonNull(id, "id"));
    if (found == null) {
      throw new IllegalArgumentException("no simulated asset " + id);
    }
    return found;
  }

  /** Every series, in the order of {@link #assets()}. */
  public List<PriceSeries> allSeries() {
    return List.copyOf(series.values());
  }

  /** The scripted events, in date order. */
  public List<ScriptedEvent> events() {
    return events;
  }

  /** The USD value of a stablecoin at par on each simulated day (gold for the XAU one). */
  double[] pegInUsd(AssetId id) {
    double[] peg = pegInUsd.get(id);
    if (peg == null) {
      throw new IllegalArgumentException("no simulated stablecoin " + id);
    }
    return peg.clone();
  }

  /** The market regime of each simulated day. */
  Regime[] regimes() {
    return regimes.clone();
  }
}
