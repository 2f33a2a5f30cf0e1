package dev.ballast.rebalancer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexDefinitionsTest {

  private static final String VALID =
      """
      id: test-index
      name: Test
      universe:
        minMarketCapUsd: 10000000
        memberMinMarketCapUsd: 8000000
        minMedianDailyVolumeUsd: 100000
        memberMinMedianDailyVolumeUsd: 80000
        volumeWindowDays: 30
        minHistoryDays: 90
        minInvestorGrade: 40
      selection:
        method: top_market_cap
        count: 10
      weighting:
        method: INVERSE_VOLATILITY
        volatilityWindowDays: 60
      caps:
        largestCap: 0.30
        otherCap: 0.20
      rebalanceCron: "0 0 0 ? * MON"
      driftBand: 0.02
      minTradeUsd: 10.50
      feeBps: 10
      regimeOverlay: true
      """;

  @Test
  void readsEveryField() {
    IndexDefinition d = IndexDefinitions.parse(VALID);
    assertThat(d.id()).isEqualTo(IndexId.of("test-index"));
    assertThat(d.description()).isEmpty();
    assertThat(d.universe().minInvestorGrade()).isEqualTo(40.0);
    assertThat(d.selection()).isEqualTo(new Selection(Selection.Method.TOP_MARKET_CAP, 10));
    assertThat(d.weighting()).isEqualTo(Weighting.inverseVolatility(60));
    assertThat(d.caps()).isEqualTo(new Caps(0.3, 0.2));
    assertThat(d.minTradeUsd()).isEqualByComparingTo("10.5");
    assertThat(d.regimeOverlay()).isTrue();
  }

  @Test
  void roundTripsThroughYamlAndJson() {
    IndexDefinition d = IndexDefinitions.parse(VALID);
    assertThat(IndexDefinitions.parse(IndexDefinitions.toYaml(d))).isEqualTo(d);
    assertThat(IndexDefinitions.parse(IndexDefinitions.toJson(d))).isEqualTo(d);
    for (IndexDefinition builtIn : IndexDefinitions.builtIns()) {
      assertThat(IndexDefinitions.parse(IndexDefinitions.toYaml(builtIn))).isEqualTo(builtIn);
      assertThat(IndexDefinitions.parse(IndexDefinitions.toJson(builtIn))).isEqualTo(builtIn);
    }
  }

  @Test
  void builtInsAreTheDocumentedOnes() {
    IndexDefinition top10 = IndexDefinitions.builtIn("top10-mcap");
    assertThat(top10.selection()).isEqualTo(new Selection(Selection.Method.TOP_MARKET_CAP, 10));
    assertThat(top10.weighting()).isEqualTo(Weighting.of(Weighting.Method.MARKET_CAP));
    assertThat(top10.caps()).isEqualTo(new Caps(0.30, 0.20));
    assertThat(top10.universe()).isEqualTo(UniverseRules.broadMarketDefaults());
    assertThat(top10.rebalanceCron()).isEqualTo("0 0 0 ? * MON");
    assertThat(top10.regimeOverlay()).isTrue();
    IndexDefinition benchmark = IndexDefinitions.builtIn("top10-mcap-no-overlay");
    assertThat(benchmark.regimeOverlay()).isFalse();
    assertThat(benchmark.selection()).isEqualTo(top10.selection());
    assertThat(benchmark.caps()).isEqualTo(top10.caps());
    IndexDefinition grade = IndexDefinitions.builtIn("top20-grade");
    assertThat(grade.selection())
        .isEqualTo(new Selection(Selection.Method.TOP_INVESTOR_GRADE, 20));
    assertThat(grade.weighting().method()).isEqualTo(Weighting.Method.GRADE);
    assertThat(grade.needsInvestorGrades()).isTrue();
    assertThatThrownBy(() -> IndexDefinitions.builtIn("nope")).hasMessageContaining("top10-mcap");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'  otherCap: 0.20'|'  otherCap: 1.5'|caps.otherCap must be in (0, 1], was 1.5",
        "'  largestCap: 0.30'|'  largestCap: 0'|caps.largestCap must be in (0, 1], was 0.0",
        "'  otherCap: 0.20'|'  otherCap: 0.05'|caps cannot hold selection.count = 10",
        "'  otherCap: 0.20'|'  otherCap: lots'|caps.otherCap must be a number, was \"lots\"",
        "'  otherCap: 0.20'|'  otherCap: 0.20\n  thirdCap: 0.1'|unknown field caps.thirdCap",
        "'  count: 10'|'  count: 0'|selection.count must be in [1, 1000], was 0",
        "'  count: 10'|'  count: ten'|selection.count must be a whole number, was \"ten\"",
        "'  method: top_market_cap'|'  method: BIGGEST'|selection.method must be one of"
            + " TOP_MARKET_CAP, TOP_INVESTOR_GRADE, was \"BIGGEST\"",
        "'  volatilityWindowDays: 60'|'  volatilityWindowDays: 1'|weighting.volatilityWindowDays"
            + " must be in [2, 3660]",
        "'  memberMinMarketCapUsd: 8000000'|'  memberMinMarketCapUsd: 12000000'|"
            + "universe.memberMinMarketCapUsd is a buffer and must not exceed",
        "'  minHistoryDays: 90'|'  minHistoryDays: -1'|universe.minHistoryDays must be in"
            + " [0, 3660], was -1",
        "'  minInvestorGrade: 40'|'  minInvestorGrade: 140'|universe.minInvestorGrade must be in"
            + " [0, 100]",
        "'  minHistoryDays: 90'|''|universe.minHistoryDays is required",
        "'id: test-index'|'id: Test Index'|id must be 1-64 characters",
        "'name: Test'|'name: \" \"'|name must not be blank",
        "'rebalanceCron: \"0 0 0 ? * MON\"'|'rebalanceCron: \"every monday\"'|rebalanceCron must"
            + " be a Quartz cron expression",
        "'driftBand: 0.02'|'driftBand: 2'|driftBand must be in [0, 1), was 2.0",
        "'minTradeUsd: 10.50'|'minTradeUsd: -1'|minTradeUsd must not be negative, was -1",
        "'feeBps: 10'|'feeBps: 5000'|feeBps must be in [0, 1000], was 5000.0",
        "'regimeOverlay: true'|'regimeOverlay: true\nsleeve: 3'|unknown field sleeve",
      })
  void everyBadFieldIsNamed(String line, String replacement, String message) {
    String yaml = VALID.replace(line + "\n", replacement.isEmpty() ? "" : replacement + "\n");
    assertThat(yaml).isNotEqualTo(VALID);
    assertThatThrownBy(() -> IndexDefinitions.parse(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("dev.ballast")
        .hasMessageNotContaining("com.fasterxml");
  }

  @Test
  void missingSectionAndMalformedTextAreNamed() {
    String noCaps = VALID.replace("caps:\n  largestCap: 0.30\n  otherCap: 0.20\n", "");
    assertThatThrownBy(() -> IndexDefinitions.parse(noCaps)).hasMessageContaining("caps is required");
    assertThatThrownBy(() -> IndexDefinitions.parse("caps: {largestCap: 0.3"))
        .hasMessageContaining("not valid YAML or JSON");
    assertThatThrownBy(() -> IndexDefinitions.parse(" ")).hasMessageContaining("empty");
  }

  @Test
  void definitionConstructorChecksLikeTheReader() {
    assertThatThrownBy(() -> new Caps(0.2, 0.3))
        .hasMessage("caps.otherCap must not exceed caps.largestCap (0.2), was 0.3");
    assertThatThrownBy(
            () -> new IndexDefinition(IndexId.of("x"), "X", null,
                UniverseRules.broadMarketDefaults(),
                new Selection(Selection.Method.TOP_MARKET_CAP, 3),
                Weighting.of(Weighting.Method.EQUAL), new Caps(0.3, 0.2), "0 0 0 ? * MON", 0,
                BigDecimal.ZERO, 0, false))
        .hasMessageContaining("0.3 + 2 × caps.otherCap 0.2 = 0.7");
  }
}
