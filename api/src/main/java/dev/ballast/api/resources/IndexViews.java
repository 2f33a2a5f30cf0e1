package dev.ballast.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.core.asset.AssetId;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.regime.RegimeEvidence;
import dev.ballast.rebalancer.schedule.CronSlots;
import dev.ballast.rebalancer.store.StoredIndex;
import dev.ballast.rebalancer.store.StoredRebalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the index endpoints. */
final class IndexViews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexViews() {}

  /** An index in a list: what it is, when it rebalances, when it last did. */
  record IndexSummary(
      String id,
      String name,
      String description,
      boolean builtIn,
      boolean regimeOverlay,
      String rebalanceCron,
      Instant nextRebalance,
      LocalDate lastRebalance,
      String lastTrigger) {

    static IndexSummary of(StoredIndex index, Optional<StoredRebalance> last, Instant now) {
      return new IndexSummary(index.id().value(), index.definition().name(),
          index.definition().description(), index.builtIn(), index.definition().regimeOverlay(),
          index.definition().rebalanceCron(),
          new CronSlots(index.definition().rebalanceCron()).next(now).orElse(null),
          last.map(StoredRebalance::marketDay).orElse(null),
          last.map(r -> r.trigger().name()).orElse(null));
    }
  }

  /** One index with its whole definition, as {@code POST /v1/indices} accepts it. */
  record IndexDetail(IndexSummary index, JsonNode definition) {
    static IndexDetail of(StoredIndex index, Optional<StoredRebalance> last, Instant now) {
      return new IndexDetail(IndexSummary.of(index, last, now), tree(
          IndexDefinitions.toJson(index.definition())));
    }
  }

  /** One stored rebalance, with its evidence and orders as the engine wrote them. */
  record RebalanceView(
      long id,
      LocalDate date,
      String trigger,
      String reason,
      Instant slot,
      Instant executedAt,
      String regime,
      double stablecoinFraction,
      JsonNode evidence,
      Map<String, Double> weightsBefore,
      Map<String, Double> weights,
      JsonNode orders,
      BigDecimal fees,
      BigDecimal valueBefore,
      BigDecimal valueAfter,
      BigDecimal cash,
      List<String> notes) {

    static RebalanceView of(StoredRebalance r) {
      return new RebalanceView(r.id(), r.marketDay(), r.trigger().name(), r.reason(),
          r.slot().orElse(null), r.executedAt(), r.regime().name(), r.stablecoinFraction(),
          tree(r.evidenceJson()), bySymbol(r.weightsBefore()), bySymbol(r.weightsAfter()),
          tree(r.ordersJson()), r.fees(), r.valueBefore(), r.valueAfter(), r.cashAfter(),
          r.notes());
    }
  }

  /** The market regime of a day and the evidence it was decided on; null where not known. */
  record RegimeView(
      LocalDate date,
      String regime,
      double stablecoinFraction,
      String rawRegime,
      int score,
      Double volatility,
      Double volatilityPercentile,
      int volatilityVote,
      Double movingAverageShort,
      Double movingAverageLong,
      Double marketLevel,
      int trendVote,
      Double breadth,
      int breadthCoins,
      int breadthVote,
      List<String> notes) {

    static RegimeView of(RegimeEvidence e) {
      return new RegimeView(e.date(), e.regime().name(), e.stablecoinFraction(),
          e.rawRegime().name(), e.score(), known(e.volatility()), known(e.volPercentile()),
          e.volVote(), known(e.maShort()), known(e.maLong()), known(e.indexLevel()),
          e.trendVote(), known(e.breadth()), e.breadthCoins(), e.breadthVote(), e.notes());
    }
  }

  static Double known(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** Weights by symbol, largest first. */
  static Map<String, Double> bySymbol(Map<AssetId, Double> weights) {
    Map<String, Double> out = new LinkedHashMap<>();
    weights.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .sorted(Map.Entry.<AssetId, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey().symbol(), e.getValue()));
    return out;
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse: " + json, e);
    }
  }
}
