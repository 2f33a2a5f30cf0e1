package dev.ballast.rebalancer.engine;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.ratings.grade.GradeWeights;
import dev.ballast.ratings.grade.Grader;
import dev.ballast.ratings.grade.MarketPanel;
import dev.ballast.ratings.peg.PegMonitor;
import dev.ballast.ratings.peg.PegReport;
import dev.ballast.ratings.peg.PegThresholds;
import dev.ballast.rebalancer.index.Caps;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.index.Selection;
import dev.ballast.rebalancer.index.UniverseRules;
import dev.ballast.rebalancer.index.Weighting;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Hand-checkable markets: coins A (cap 600M) and B (cap 400M) and two dollar coins of different
 * issuers, USDA and USDB (cap 1B, volume 50M), with prices given per day.
 */
public final class TinyMarket {

  public static final LocalDate START = LocalDate.of(2024, 1, 1);
  public static final AssetId A = AssetId.of("A");
  public static final AssetId B = AssetId.of("B");
  public static final AssetId USDA = AssetId.of("USDA");
  public static final AssetId USDB = AssetId.of("USDB");

  private TinyMarket() {}

  /** {@code days} days; A and B priced by the functions, the dollar coins at 1. */
  public static MarketContext context(int days, IntToDoubleFunction priceA,
      IntToDoubleFunction priceB) {
    return context(days, priceA, priceB, d -> 1.0, RegimeSettings.defaults());
  }

  public static MarketContext context(int days, IntToDoubleFunction priceA,
      IntToDoubleFunction priceB, IntToDoubleFunction priceUsdb, RegimeSettings regime) {
    List<Asset> assets = List.of(
        Asset.coin(A, null),
        Asset.coin(B, null),
        Asset.stablecoin(USDA, null, StablecoinTerms.usd(Collateral.FIAT_BACKED, "Issuer A")),
        Asset.stablecoin(USDB, null, StablecoinTerms.usd(Collateral.FIAT_BACKED, "Issuer B")));
    List<PriceSeries> series = new ArrayList<>();
    series.add(series(A, days, priceA, 6e6));
    series.add(series(B, days, priceB, 8e6));
    series.add(series(USDA, days, d -> 1.0, 1e9 / 1.0));
    series.add(series(USDB, days, priceUsdb, 1e9));
    MarketPanel panel = MarketPanel.of(assets, series, START, START.plusDays(days - 1));
    PegReport pegs = PegMonitor.assess(assets.subList(2, 4), series.subList(2, 4),
        PegThresholds.defaults());
    return MarketContext.of(panel, Grader.gradeAll(panel, GradeWeights.defaults()), pegs, regime);
  }

  private static PriceSeries series(AssetId id, int days, IntToDoubleFunction price,
      double supply) {
    PriceSeries.Builder b = PriceSeries.builder(id, days);
    for (int d = 0; d < days; d++) {
      double p = price.applyAsDouble(d);
      if (Double.isNaN(p)) {
        continue;
      }
      b.add(START.plusDays(d), p, p, p, p, 5e7, supply * p);
    }
    return b.build();
  }

  /** Top {@code count} by market cap, caps as given, fee and band as given, minimum trade 0. */
  public static IndexDefinition definition(int count, Caps caps, double feeBps, double band,
      boolean overlay) {
    return new IndexDefinition(IndexId.of("tiny"), "Tiny", null,
        UniverseRules.broadMarketDefaults(), new Selection(Selection.Method.TOP_MARKET_CAP, count),
        Weighting.of(Weighting.Method.MARKET_CAP), caps, "0 0 0 ? * MON", band, BigDecimal.ZERO,
        feeBps, overlay);
  }
}
