package dev.ballast.api.resources;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.portfolio.LedgerEntry;
import dev.ballast.core.portfolio.Portfolio;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.portfolio.PortfolioHistory;
import dev.ballast.rebalancer.portfolio.PortfolioQuotes;
import dev.ballast.rebalancer.portfolio.PortfolioRebalance;
import dev.ballast.rebalancer.portfolio.PortfolioService;
import dev.ballast.rebalancer.portfolio.Target;
import dev.ballast.rebalancer.portfolio.Valuation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of the portfolio endpoints. Quantities and USD amounts are decimal strings
 * ({@code "0.125"}): exact, where a JSON number would be read as a binary double by most
 * clients. Weights and history values are numbers.
 */
final class PortfolioViews {

  private PortfolioViews() {}

  static String text(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  /** A portfolio in a list. */
  record PortfolioSummary(long id, String name, Instant createdAt) {
    static PortfolioSummary of(Portfolio p) {
      return new PortfolioSummary(p.id().value(), p.name(), p.createdAt());
    }
  }

  /** What a portfolio rebalances towards. */
  record TargetView(
      @Schema(allowableValues = {"none", "follow", "custom"}) String kind,
      @Schema(description = "the followed index, for kind follow") String index,
      @Schema(description = "symbol to weight, for kind custom") Map<String, Double> weights) {
    static TargetView of(Target t) {
      if (t instanceof Target.Follow f) {
        return new TargetView(t.kind(), f.index().value(), null);
      }
      if (t instanceof Target.Custom c) {
        Map<String, Double> w = new TreeMap<>();
        c.weights().weights().forEach((a, v) -> w.put(a.symbol(), v));
        return new TargetView(t.kind(), null, w);
      }
      return new TargetView(t.kind(), null, null);
    }
  }

  /** One holding at its cached quote (price, value and weight null when there is none). */
  record PositionView(String symbol, String quantity, String price, Instant quoteTime,
      String valueUsd, Double weight) {}

  /** A portfolio valued at the cached quotes. */
  record PortfolioDetail(long id, String name, Instant createdAt, TargetView target,
      String cashUsd, double cashWeight, String valueUsd,
      @Schema(description = "false if a held asset has no quote; it is left out of valueUsd")
      boolean complete, List<PositionView> positions) {
    static PortfolioDetail of(Valuation v) {
      Portfolio p = v.state().portfolio();
      return new PortfolioDetail(p.id().value(), p.name(), p.createdAt(),
          TargetView.of(v.state().target()), text(v.state().holdings().cash()), v.cashWeight(),
          text(v.valueUsd()), v.complete(), v.positions().stream()
              .map(pos -> new PositionView(pos.asset().symbol(), text(pos.quantity()),
                  pos.quote() == null ? null : text(pos.quote().price()),
                  pos.quote() == null ? null : pos.quote().asOf(), text(pos.valueUsd()),
                  pos.weight()))
              .toList());
    }
  }

  /** One ledger entry; {@code asset} is null for USD cash. */
  record LedgerEntryView(long id, Instant time,
      @Schema(allowableValues = {"deposit", "withdrawal", "buy", "sell"}) String kind,
      String asset, String quantity, String price, String feeUsd, String cashDeltaUsd,
      Long rebalanceId) {
    static LedgerEntryView of(LedgerEntry e) {
      return new LedgerEntryView(e.id(), e.at(), e.kind().name().toLowerCase(),
          e.asset().map(AssetId::symbol).orElse(null), text(e.quantity()), text(e.price()),
          text(e.feeUsd()), text(e.cashDelta()), e.rebalanceId());
    }
  }

  /** A paper fill. */
  record OrderView(String symbol, @Schema(allowableValues = {"buy", "sell"}) String side,
      String quantity, String price, String notionalUsd, String feeUsd) {
    static OrderView of(Order o) {
      return new OrderView(o.asset().symbol(), o.side().name().toLowerCase(),
          text(o.quantity()), text(o.price()), text(o.notionalUsd().setScale(18,
              java.math.RoundingMode.HALF_EVEN)), text(o.feeUsd().setScale(18,
              java.math.RoundingMode.HALF_EVEN)));
    }
  }

  /** A quote a dry run priced the portfolio at. */
  record QuoteView(String symbol, String price, Instant time,
      @Schema(description = "true if the quote source failed and this is the last quote known:"
          + " a rebalance is refused while any quote is stale") boolean stale) {
    static QuoteView of(PortfolioQuotes.Current q) {
      return new QuoteView(q.quote().asset().symbol(), text(q.quote().price()),
          q.quote().asOf(), q.stale());
    }
  }

  /**
   * A rebalance, executed (with an id) or previewed ({@code dryRun}, id null; {@code quotes}
   * only then).
   */
  record RebalanceView(Long id, boolean dryRun, Instant time,
      @Schema(allowableValues = {"manual", "index"}) String trigger, String index,
      Long indexRebalanceId, Map<String, Double> targetWeights, double driftBand,
      String minTradeUsd, double feeBps, List<OrderView> orders, String feesUsd,
      String valueBeforeUsd, String valueAfterUsd,
      @Schema(description = "dry runs only: the quote of every asset held or targeted, by"
          + " symbol; null for a stored rebalance, whose fills carry their prices")
      List<QuoteView> quotes) {
    static RebalanceView of(PortfolioRebalance r, boolean dryRun) {
      return of(r, dryRun, null);
    }

    static RebalanceView preview(PortfolioService.Preview p) {
      return of(p.rebalance(), true, p.quotes().values().stream().map(QuoteView::of).toList());
    }

    private static RebalanceView of(PortfolioRebalance r, boolean dryRun,
        List<QuoteView> quotes) {
      Map<String, Double> w = new TreeMap<>();
      r.targetWeights().forEach((a, v) -> w.put(a.symbol(), v));
      return new RebalanceView(dryRun ? null : r.id(), dryRun, r.executedAt(),
          r.trigger().name().toLowerCase(), r.index().map(Object::toString).orElse(null),
          r.indexRebalanceId().orElse(null), w, r.driftBand(), text(r.minTradeUsd()),
          r.feeBps(), r.orders().stream().map(OrderView::of).toList(), text(r.feesUsd()),
          text(r.valueBeforeUsd()), text(r.valueAfterUsd()), quotes);
    }
  }

  /** One day of a history. */
  record PointView(LocalDate date, double valueUsd, double netFlowUsd, double index,
      double drawdown, int unpriced) {}

  /** A portfolio's daily values with its time-weighted index and drawdown. */
  record HistoryView(LocalDate from, LocalDate to, double totalReturn, double maxDrawdown,
      List<PointView> values) {
    static HistoryView of(PortfolioHistory h) {
      return new HistoryView(h.from(), h.to(), h.totalReturn(), h.maxDrawdown(),
          h.values().stream().map(p -> new PointView(p.date(), p.value(), p.netFlow(),
              p.index(), p.drawdown(), p.unpriced())).toList());
    }
  }

  // ---- request bodies, for the API document (bodies are read as trees, strictly) ----

  @Schema(name = "NewPortfolio")
  record NewPortfolio(@Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED)
      String name) {}

  @Schema(name = "Movement", description = "either asset and quantity, or cashUsd")
  record Movement(@Schema(example = "BTC") String asset,
      @Schema(type = "string", example = "0.5", description = "positive, at most 1e15, at most"
          + " 18 decimals; a string or a number") String quantity,
      @Schema(type = "string", example = "1000", description = "USD; as quantity")
      String cashUsd) {}

  @Schema(name = "TargetRequest")
  record TargetRequest(
      @Schema(allowableValues = {"none", "follow", "custom"},
          requiredMode = Schema.RequiredMode.REQUIRED) String kind,
      @Schema(description = "index id, for follow", example = "top10-mcap") String index,
      @Schema(description = "symbol to weight in [0,1], summing to 1, at most 100, for custom")
      Map<String, Double> weights) {}
}
