package dev.ballast.rebalancer.engine;

import static dev.ballast.rebalancer.engine.TinyMarket.A;
import static dev.ballast.rebalancer.engine.TinyMarket.B;
import static dev.ballast.rebalancer.engine.TinyMarket.USDA;
import static dev.ballast.rebalancer.engine.TinyMarket.USDB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ballast.rebalancer.index.Caps;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.order.Side;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexEngineTest {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final int DAY = 100; // past the 90 days of history the universe asks

  /** A at 100 then 200 from day 101, B at 50: market caps 600M and 400M on day 100. */
  private static final MarketContext CTX =
      TinyMarket.context(120, d -> d <= DAY ? 100 : 200, d -> 50);

  private static Decision decide(IndexDefinition definition, int day, Holdings holdings) {
    return IndexEngine.decide(definition, CTX, day, holdings, Trigger.SCHEDULED, "test",
        EngineSettings.defaults());
  }

  @Test
  void inceptionBuysTheCapWeightsAndPaysTheFeeOutOfTheCapital() {
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0, false);
    Decision d = decide(def, DAY, Holdings.cash(MILLION));

    assertThat(d.stablecoinFraction()).isZero();
    assertThat(d.targetWeights()).containsOnlyKeys(A, B);
    assertThat(d.targetWeights().get(A)).isCloseTo(0.6, within(1e-12));
    assertThat(d.targetWeights().get(B)).isCloseTo(0.4, within(1e-12));
    // Buys of 600k and 400k plus 10 bps cost more than the million: both scaled by 1 / 1.001.
    Order buyA = d.plan().orders().stream().filter(o -> o.asset().equals(A)).findFirst()
        .orElseThrow();
    assertThat(buyA.side()).isEqualTo(Side.BUY);
    assertThat(buyA.notionalUsd().doubleValue()).isCloseTo(600_000 / 1.001, within(1e-6));
    assertThat(d.plan().feesPaid().doubleValue()).isCloseTo(1_000_000 * 0.001 / 1.001,
        within(1e-6));
    BigDecimal valueAfter = d.after().value(CTX.panel(), DAY);
    assertThat(valueAfter.add(d.plan().feesPaid()).subtract(MILLION).abs())
        .isLessThan(new BigDecimal("1e-6"));

    // The next day A doubles: the A position doubles in value.
    double expected = valueAfter.doubleValue()
        + d.after().quantity(A).doubleValue() * 100;
    assertThat(d.after().value(CTX.panel(), DAY + 1).doubleValue())
        .isCloseTo(expected, within(1e-6));
  }

  @Test
  void tooFewEligibleAssetsHoldTheirCapsAndPutTheRestInStablecoins() {
    IndexDefinition def = TinyMarket.definition(10, new Caps(0.3, 0.2), 0, 0, false);
    Decision d = decide(def, DAY, Holdings.cash(MILLION));

    assertThat(d.targetWeights().get(A)).isCloseTo(0.3, within(1e-12));
    assertThat(d.targetWeights().get(B)).isCloseTo(0.2, within(1e-12));
    // Two issuers, 50% cap each: the half left over is split evenly.
    assertThat(d.targetWeights().get(USDA)).isCloseTo(0.25, within(1e-9));
    assertThat(d.targetWeights().get(USDB)).isCloseTo(0.25, within(1e-9));
    assertThat(d.notes()).anyMatch(n -> n.startsWith("risk sleeve infeasible: 2 eligible"));
    assertThat(d.plan().weightsAfter().get(A)).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void noEligibleAssetAndNoLiquidSleeveStaysInCash() {
    // Day 10: too little history for the universe (90 days) and for the sleeve's volume median.
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0, true);
    Decision d = decide(def, 10, Holdings.cash(MILLION));

    assertThat(d.targetWeights()).isEmpty();
    assertThat(d.plan().orders()).isEmpty();
    assertThat(d.after()).isEqualTo(Holdings.cash(MILLION));
    assertThat(d.notes()).anyMatch(n -> n.startsWith("risk sleeve empty"))
        .anyMatch(n -> n.contains("stays in cash"));
  }

  @Test
  void theOverlayScalesTheRiskSleeveAndFillsTheStablecoinSleeve() {
    // The overlay starts NEUTRAL while it warms up: half in stablecoins by default.
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0, true);
    Decision d = decide(def, DAY, Holdings.cash(MILLION));

    assertThat(d.regime()).isEqualTo(Regime.NEUTRAL);
    assertThat(d.stablecoinFraction()).isEqualTo(0.5);
    assertThat(d.targetWeights().get(A)).isCloseTo(0.3, within(1e-12));
    assertThat(d.targetWeights().get(B)).isCloseTo(0.2, within(1e-12));
    assertThat(d.targetWeights().get(USDA) + d.targetWeights().get(USDB))
        .isCloseTo(0.5, within(1e-9));
    assertThat(d.evidence().date()).isEqualTo(d.marketDay());
  }

  @Test
  void aRemovedMemberIsSoldAndTheDriftBandKeepsSmallMovesUntraded() {
    IndexDefinition def = TinyMarket.definition(1, Caps.none(), 0, 0.05, false);
    // Holding B only: the top 1 is A, so B goes in full and A is bought.
    Holdings onlyB = new Holdings(Map.of(B, BigDecimal.valueOf(20_000)), BigDecimal.ZERO);
    Decision d = decide(def, DAY, onlyB);
    assertThat(d.weightsBefore()).containsOnlyKeys(B);
    assertThat(d.plan().orders()).extracting(Order::asset, Order::side)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(B, Side.SELL),
            org.assertj.core.groups.Tuple.tuple(A, Side.BUY));
    assertThat(d.after().quantities()).containsOnlyKeys(A);
    // Then nothing to do: A is at its target.
    Decision again = decide(def, DAY, d.after());
    assertThat(again.plan().orders()).isEmpty();
  }

  @Test
  void aHeldAssetWithoutABarIsValuedAtItsLastClose() {
    MarketContext gappy = TinyMarket.context(120, d -> d >= 105 ? Double.NaN : 100, d -> 50);
    Holdings h = new Holdings(Map.of(A, BigDecimal.TEN), BigDecimal.ONE);
    assertThat(h.value(gappy.panel(), 110)).isEqualByComparingTo("1001");
    Decision d = IndexEngine.decide(TinyMarket.definition(1, Caps.none(), 0, 0, false), gappy,
        110, h, Trigger.MANUAL, null, EngineSettings.defaults());
    // A is stale for more than 3 days, so it is not eligible: sold at its last close.
    assertThat(d.notes()).anyMatch(n -> n.startsWith("A has no close on 2024-04-20"));
    assertThat(d.plan().orders()).anySatisfy(o -> {
      assertThat(o.asset()).isEqualTo(A);
      assertThat(o.side()).isEqualTo(Side.SELL);
      assertThat(o.price()).isEqualByComparingTo("100");
    });
  }

  @Test
  void settingsThatDoNotMatchTheContextAreRefused() {
    EngineSettings other = new EngineSettings(
        RegimeSettings.defaults().withFractions(0, 0.3, 1), EngineSettings.defaults().sleeve());
    assertThatThrownBy(() -> IndexEngine.decide(TinyMarket.definition(2, Caps.none(), 0, 0,
        true), CTX, DAY, Holdings.cash(MILLION), Trigger.MANUAL, "", other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("settings.regime");
    assertThatThrownBy(() -> decide(TinyMarket.definition(2, Caps.none(), 0, 0, true), 120,
        Holdings.cash(MILLION))).hasMessageContaining("was 120");
  }

  @Test
  void holdingsRefuseNegativesAndDropZeros() {
    assertThatThrownBy(() -> new Holdings(Map.of(A, BigDecimal.ONE.negate()), BigDecimal.ONE))
        .hasMessage("quantity of A must not be negative, was -1");
    assertThatThrownBy(() -> Holdings.cash(BigDecimal.ONE.negate()))
        .hasMessage("cash must not be negative, was -1");
    assertThat(new Holdings(Map.of(A, BigDecimal.ZERO), BigDecimal.ONE).quantities()).isEmpty();
  }

  @Test
  void aDecisionIsJson() throws Exception {
    ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    Decision d = decide(TinyMarket.definition(2, Caps.none(), 10, 0, true), DAY,
        Holdings.cash(MILLION));
    JsonNode node = json.readTree(json.writeValueAsString(d));
    assertThat(node.get("marketDay").asText()).isEqualTo("2024-04-10");
    assertThat(node.get("trigger").asText()).isEqualTo("SCHEDULED");
    assertThat(node.get("regime").asText()).isEqualTo("NEUTRAL");
    assertThat(node.get("targetWeights").get("A").asDouble()).isCloseTo(0.3, within(1e-12));
    assertThat(node.get("evidence").get("score").isInt()).isTrue();
    assertThat(node.get("plan").get("orders")).hasSize(4);
    assertThat(new BigDecimal(node.get("after").get("cash").asText())
        .compareTo(d.after().cash())).isZero();
    assertThat(node.get("after").get("quantities").get("A").decimalValue()
        .round(MathContext.DECIMAL64))
        .isEqualByComparingTo(d.after().quantity(A).round(MathContext.DECIMAL64));
  }
}
