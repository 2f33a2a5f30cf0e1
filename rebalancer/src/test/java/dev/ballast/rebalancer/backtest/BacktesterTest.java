package dev.ballast.rebalancer.backtest;

import static dev.ballast.rebalancer.engine.TinyMarket.A;
import static dev.ballast.rebalancer.engine.TinyMarket.B;
import static dev.ballast.rebalancer.engine.TinyMarket.USDB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.engine.TinyMarket;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.Caps;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.order.Order;
import dev.ballast.rebalancer.order.Side;
import dev.ballast.rebalancer.regime.RegimeSettings;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktesterTest {

  private static final LocalDate FROM = TinyMarket.START.plusDays(100); // 2024-04-10, Wednesday
  private static final LocalDate TO = TinyMarket.START.plusDays(129);

  /** A at 100, doubling from day 110; B at 50. */
  private static final MarketContext CTX =
      TinyMarket.context(130, d -> d < 110 ? 100 : 200, d -> 50);

  @Test
  void startsInCashBuysAtOnceAndFollowsThePrices() {
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0.3, false);
    BacktestResult r = Backtester.run(def, CTX, FROM, TO, BacktestSettings.defaults(),
        Progress.NONE);

    assertThat(r.days()).isEqualTo(30);
    Decision inception = r.rebalances().get(0);
    assertThat(inception.marketDay()).isEqualTo(FROM);
    assertThat(inception.trigger()).isEqualTo(Trigger.SCHEDULED);
    assertThat(inception.reason()).isEqualTo("inception");
    double fees = 1_000_000 * 0.001 / 1.001; // buys scaled to fit the fee in the capital
    double[] equity = r.indexSeries().equity();
    assertThat(equity[0]).isCloseTo(1_000_000 - fees, within(1e-6));
    assertThat(equity[9]).isCloseTo(equity[0], within(1e-6));
    // From day 110 A is worth twice as much: +A's first value. A drift band of 0.3 keeps the
    // weekly rebalances from trading (A drifts from 0.6 to 0.75).
    double qA = inception.after().quantity(A).doubleValue();
    assertThat(equity[10]).isCloseTo(equity[0] + qA * 100, within(1e-6));
    assertThat(r.rebalances()).allSatisfy(d -> assertThat(d.marketDay()).isBefore(TO.plusDays(1)));
    assertThat(r.rebalances().subList(1, r.rebalances().size()))
        .isNotEmpty()
        .allSatisfy(d -> {
          assertThat(d.marketDay().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
          assertThat(d.trigger()).isEqualTo(Trigger.SCHEDULED);
          assertThat(d.reason()).startsWith("calendar 0 0 0 ? * MON fired at ")
              .contains(d.marketDay().plusDays(1) + "T00:00:00Z");
          assertThat(d.plan().orders()).isEmpty();
        });
    Metrics m = r.indexSeries().metrics();
    assertThat(m.feesPaid()).isCloseTo(fees, within(1e-6));
    assertThat(m.turnover()).isZero();
    assertThat(m.finalValue()).isEqualTo(equity[29]);
    assertThat(m.totalReturn()).isCloseTo(equity[29] / 1e6 - 1, within(1e-12));
  }

  @Test
  void aHeldStablecoinThatDepegsIsRotatedOutOffCycleAtThatClose() {
    // USDB falls to 0.90 on day 115: DEPEG that day.
    MarketContext ctx = TinyMarket.context(130, d -> 100, d -> 50,
        d -> d >= 115 && d < 118 ? 0.90 : 1.0, RegimeSettings.defaults());
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0.02, true);
    BacktestResult r = Backtester.run(def, ctx, FROM, TO, BacktestSettings.defaults(),
        Progress.NONE);

    assertThat(r.rebalances().get(0).after().quantities()).containsKey(USDB);
    LocalDate depeg = TinyMarket.START.plusDays(115);
    Decision off = r.rebalances().stream().filter(d -> d.marketDay().equals(depeg)).findFirst()
        .orElseThrow();
    assertThat(off.trigger()).isEqualTo(Trigger.OFF_CYCLE);
    assertThat(off.reason()).startsWith("USDB is DEPEG on " + depeg);
    Order sell = off.plan().orders().get(0);
    assertThat(sell.asset()).isEqualTo(USDB);
    assertThat(sell.side()).isEqualTo(Side.SELL);
    assertThat(sell.price()).isEqualByComparingTo("0.9");
    // Not bought back while DEPEG (days 115-117) nor on WATCH after it.
    for (Decision d : r.rebalances()) {
      if (!d.marketDay().isBefore(depeg) && d.marketDay().isBefore(depeg.plusDays(5))) {
        assertThat(d.after().quantities()).as(d.marketDay().toString()).doesNotContainKey(USDB);
      }
    }
    // One off-cycle rebalance for the depeg, not one a day while it lasts.
    assertThat(r.rebalances()).filteredOn(d -> d.trigger() == Trigger.OFF_CYCLE).hasSize(1);
  }

  @Test
  void benchmarksWarningsAndProgress() {
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0.02, true);
    List<int[]> ticks = new ArrayList<>();
    BacktestResult r = Backtester.run(def, CTX, FROM.minusDays(200), TO,
        BacktestSettings.defaults(), (done, total) -> ticks.add(new int[] {done, total}));

    assertThat(r.from()).isEqualTo(TinyMarket.START);
    assertThat(r.series()).extracting(BacktestResult.Series::name)
        .containsExactly("tiny", "tiny-no-overlay");
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("the market data starts on 2024-01-01"))
        .anyMatch(w -> w.startsWith("no BTC in the market data"))
        .anyMatch(w -> w.startsWith("survivorship bias"))
        .anyMatch(w -> w.startsWith("no asset was eligible for the risk sleeve on "));
    assertThat(ticks).hasSize(2 * 130);
    assertThat(ticks.get(ticks.size() - 1)).containsExactly(260, 260);
    // Both start in stablecoins while no coin has 90 days of history; once both coins are
    // eligible the benchmark holds none, the index half while the overlay is NEUTRAL.
    assertThat(r.series("tiny-no-overlay").orElseThrow().stablecoinWeight(129)).isZero();
    assertThat(r.indexSeries().stablecoinWeight(129)).isCloseTo(0.5, within(0.05));
    // Day 20, the first Sunday with 15 days of volumes for the sleeve: all in stablecoins.
    assertThat(r.indexSeries().stablecoinWeight(10)).isZero();
    assertThat(r.indexSeries().stablecoinWeight(40)).isGreaterThan(0.99);
    assertThatThrownBy(() -> Backtester.run(def, CTX, TO, FROM, BacktestSettings.defaults(),
        Progress.NONE)).hasMessage("from " + TO + " is after to " + FROM);
  }

  @Test
  void jsonHasTheIndexFirstAndTheDocumentedFields() throws Exception {
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0.02, true);
    BacktestResult r = Backtester.run(def, CTX, FROM, TO, BacktestSettings.defaults(),
        Progress.NONE);
    JsonNode json = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(BacktestJson.write(r));

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("index", "from", "to", "metrics", "equity", "rebalances",
        "warnings");
    assertThat(json.get("index").asText()).isEqualTo("tiny");
    assertThat(json.get("metrics").get(0).get("name").asText()).isEqualTo("tiny");
    assertThat(json.get("metrics").get(1).get("name").asText()).isEqualTo("tiny-no-overlay");
    for (String metric : List.of("cagr", "volatility", "sharpe", "sortino", "maxDrawdown",
        "calmar", "turnover", "feesPaid", "timeInStablecoins", "totalReturn", "start", "end",
        "finalValue")) {
      assertThat(json.get("metrics").get(0).has(metric)).as(metric).isTrue();
    }
    assertThat(json.get("metrics").get(0).get("finalValue").asDouble())
        .isEqualTo(r.indexSeries().metrics().finalValue());
    assertThat(json.get("equity")).hasSize(30);
    assertThat(json.get("equity").get(0).get("date").asText()).isEqualTo(FROM.toString());
    assertThat(json.get("equity").get(29).get("tiny").asDouble())
        .isEqualTo(r.indexSeries().value(29));
    JsonNode first = json.get("rebalances").get(0);
    assertThat(first.get("date").asText()).isEqualTo(FROM.toString());
    assertThat(first.get("trigger").asText()).isEqualTo("SCHEDULED");
    assertThat(first.get("regime").asText()).isEqualTo("NEUTRAL");
    assertThat(first.get("weights").get("A").asDouble()).isCloseTo(0.3, within(0.002));
    assertThat(first.get("orders").get(0).get("symbol").isTextual()).isTrue();
    BigDecimal fees = BigDecimal.ZERO;
    for (Iterator<JsonNode> it = first.get("orders").elements(); it.hasNext(); ) {
      fees = fees.add(it.next().get("fee").decimalValue());
    }
    assertThat(fees).isEqualByComparingTo(first.get("fees").decimalValue());
  }

  @Test
  void theReportIsSelfContainedHtml() {
    IndexDefinition def = TinyMarket.definition(2, Caps.none(), 10, 0.02, true);
    BacktestResult r = Backtester.run(def, CTX, FROM, TO, BacktestSettings.defaults(),
        Progress.NONE);
    String html = BacktestReport.html(r);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .contains("<svg", "Drawdown", "Stablecoin share", "tiny-no-overlay", "survivorship bias");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    assertThat(html.split("<svg", -1)).hasSize(4);
  }
}
