package dev.ballast.rebalancer.sleeve;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegHistory;
import dev.ballast.ratings.peg.PegReport;
import dev.ballast.ratings.peg.PegStatus;
import dev.ballast.rebalancer.panel.PanelColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses and weights the stablecoins of the sleeve on one day.
 *
 * <p>Eligible: USD-pegged (by default), not algorithmic (by default), ON_PEG that day, or WATCH
 * when already held (a held coin is not sold on a wobble, since every switch costs fees; a coin on
 * WATCH is not bought), no liquidity warning, market cap and median volume above the minimums.
 * Weight ∝ √(median daily volume): liquidity is what a sleeve pays for when it trades, the median
 * ignores one-day spikes, and the square root keeps the largest coin from taking everything before
 * the caps apply. Coin and issuer caps are applied iteratively, the excess going to the coins with
 * room; what no coin has room for is returned as {@code cash} (e.g. one eligible coin with a 50%
 * cap: 50% cash), for the portfolio to hold in dollars or to relax a cap knowingly. Stateless.
 */
public final class StablecoinSleeve {

  private StablecoinSleeve() {}

  public static SleeveWeights weights(List<Asset> stablecoins, MarketPanel panel, int day,
      PegReport pegs, SleeveSettings s, Set<AssetId> currentlyHeld) {
    return weights(stablecoins, PanelColumns.of(panel), day, pegs, s, currentlyHeld);
  }

  /**
   * As {@link #weights(List, MarketPanel, int, PegReport, SleeveSettings, Set)}, on a columnar
   * view of the panel that a backtest builds once ({@link PanelColumns#cached}).
   */
  public static SleeveWeights weights(List<Asset> stablecoins, PanelColumns columns, int day,
      PegReport pegs, SleeveSettings s, Set<AssetId> currentlyHeld) {
    MarketPanel panel = columns.panel();
    panel.requireDay(day);
    Set<AssetId> assessed = Set.copyOf(pegs.assets());
    List<String> exclusions = new ArrayList<>();
    List<AssetId> ids = new ArrayList<>();
    List<String> issuers = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (Asset a : stablecoins) {
      AssetId id = a.id();
      Optional<StablecoinTerms> t = a.stablecoinTerms();
      if (t.isEmpty()) {
        exclusions.add(id + ": not a stablecoin");
        continue;
      }
      if (s.usdOnly() && !t.get().isUsdPeg()) {
        exclusions.add(id + ": pegged to " + t.get().pegCurrency() + ", not USD");
        continue;
      }
      if (!s.allowAlgorithmic() && t.get().collateral() == Collateral.ALGORITHMIC) {
        exclusions.add(id + ": algorithmic, excluded (allowAlgorithmic is false)");
        continue;
      }
      // The history's columns, not PegReport.on: that builds the day's reasons in words, which a
      // backtest asks for on every rebalance and never reads.
      PegHistory history = assessed.contains(id) ? pegs.history(id) : null;
      int bar = history == null ? -1 : history.indexOf(panel.date(day));
      if (bar < 0) {
        exclusions.add(id + ": no peg health on " + panel.date(day));
        continue;
      }
      PegStatus st = history.status(bar);
      boolean held = currentlyHeld.contains(id);
      if (st != PegStatus.ON_PEG && !(st == PegStatus.WATCH && held)) {
        exclusions.add(id + ": peg " + st + (st == PegStatus.WATCH ? " and not held" : ""));
        continue;
      }
      if (history.liquidityWarning(bar)) {
        exclusions.add(id + ": liquidity warning");
        continue;
      }
      int i = panel.indexOf(id);
      if (i < 0) {
        exclusions.add(id + ": not in the panel");
        continue;
      }
      double cap = columns.marketCap(i, day);
      double vol = columns.medianVolume(i, day, s.volumeWindow());
      if (!(cap >= s.minMarketCap())) {
        exclusions.add(id + ": market cap " + cap + " below " + s.minMarketCap());
        continue;
      }
      if (!(vol >= s.minMedianVolume()) || vol <= 0) {
        exclusions.add(id + ": median volume " + vol + " below " + s.minMedianVolume());
        continue;
      }
      ids.add(id);
      issuers.add(t.get().issuer());
      scores.add(Math.sqrt(vol));
    }
    double[] w = capped(scores, issuers, s.maxCoinWeight(), s.maxIssuerWeight());
    Map<AssetId, Double> weights = new LinkedHashMap<>();
    double sum = 0;
    for (int k = 0; k < ids.size(); k++) {
      if (w[k] > 0) {
        weights.put(ids.get(k), w[k]);
        sum += w[k];
      }
    }
    return new SleeveWeights(weights, Math.max(0, 1 - sum), exclusions);
  }

  /**
   * Weights ∝ scores under a per-coin and per-issuer cap: clamp, then hand the excess to coins
   * whose coin and issuer both have room, in proportion to their scores, until nothing moves.
   */
  static double[] capped(List<Double> scores, List<String> issuers, double coinCap,
      double issuerCap) {
    int n = scores.size();
    double[] w = new double[n];
    double total = 0;
    for (double x : scores) {
      total += x;
    }
    if (n == 0 || total <= 0) {
      return w;
    }
    for (int k = 0; k < n; k++) {
      w[k] = scores.get(k) / total;
    }
    for (int iter = 0; iter < 1000; iter++) {
      double excess = 0;
      for (int k = 0; k < n; k++) {
        if (w[k] > coinCap) {
          excess += w[k] - coinCap;
          w[k] = coinCap;
        }
      }
      Map<String, Double> byIssuer = new HashMap<>();
      for (int k = 0; k < n; k++) {
        byIssuer.merge(issuers.get(k), w[k], Double::sum);
      }
      for (int k = 0; k < n; k++) {
        double iw = byIssuer.get(issuers.get(k));
        if (iw > issuerCap) {
          double scaled = w[k] * issuerCap / iw;
          excess += w[k] - scaled;
          w[k] = scaled;
        }
      }
      byIssuer.clear();
      for (int k = 0; k < n; k++) {
        byIssuer.merge(issuers.get(k), w[k], Double::sum);
      }
      if (excess < 1e-12) {
        break;
      }
      double room = 0;
      boolean[] open = new boolean[n];
      for (int k = 0; k < n; k++) {
        open[k] = w[k] < coinCap - 1e-12 && byIssuer.get(issuers.get(k)) < issuerCap - 1e-12;
        if (open[k]) {
          room += scores.get(k);
        }
      }
      if (room <= 0) {
        break;
      }
      for (int k = 0; k < n; k++) {
        if (open[k]) {
          w[k] += excess * scores.get(k) / room;
        }
      }
    }
    return w;
  }

  /** The median volume of the window ending on {@code day}, NaN with fewer than half known. */
  static double medianVolume(double[] volume, int day, int window) {
    return PanelColumns.windowMedian(volume, day, window);
  }
}
