package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.ratings.store.GradeDao;
import dev.ballast.ratings.store.GradeDao.GradeFilter;
import dev.ballast.ratings.store.GradeDao.GradeSort;
import dev.ballast.ratings.store.StoredGrade;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.ClientProperties;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analysts' API on a real server: the simulated market is loaded, the grading job grades
 * it from before its scripted stablecoin events, and the API pages, filters, sorts and
 * explains the results.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RatingApiIT {

  /** From 2022-04-01: the simulation's algorithmic collapse (2022-05) and fiat depeg (2023-03). */
  private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay()
      - LocalDate.of(2022, 4, 1).toEpochDay() + 1);

  private static final TestDatabase DB = TestDatabase.h2();

  static final DropwizardAppExtension<BallastConfiguration> APP = new DropwizardAppExtension<>(
      BallastApplication.class, ApiTestSupport.config(DB, true),
      ConfigOverride.config("grading.initialDays", String.valueOf(DAYS)),
      ConfigOverride.config("indices.enabled", "false"));

  private static LocalDate lastDay;

  @BeforeAll
  static void waitForGrades() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      // Close each response: an unread one keeps its pooled connection, and the pool is small.
      try (Response assets = request("/v1/assets?kind=coin");
          Response ratings = request("/v1/ratings?limit=1")) {
        if (assets.getStatus() == 200 && ratings.getStatus() == 200) {
          LocalDate last = LocalDate.parse(
              assets.readEntity(JsonNode.class).get("assets").get(0).get("lastDate").asText());
          JsonNode items = ratings.readEntity(JsonNode.class).get("items");
          if (items.size() == 1 && items.get(0).get("date").asText().equals(last.toString())) {
            lastDay = last;
            return;
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the grading job did not grade the simulated market in time");
  }

  private static Response request(String path) {
    // Evaluations and backtests are CPU-bound: give a loaded build machine time.
    return APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + path)
        .property(ClientProperties.READ_TIMEOUT, 60_000).request().get();
  }

  private static JsonNode get(String path) {
    Response response = request(path);
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.readEntity(JsonNode.class);
  }

  @Test
  void aCachedPageNeverOutlivesAChangeOfTheStoredGrades() {
    String first = "/v1/ratings?limit=1&sort=symbol";
    String history = "/v1/ratings/%s?from=" + lastDay + "&to=" + lastDay;
    String symbol = get(first).get("items").get(0).get("symbol").asText();
    assertThat(get(history.formatted(symbol)).get("items")).hasSize(1);
    Jdbi jdbi = Database.jdbi(DB.dataSource());
    List<StoredGrade> day = jdbi.withExtension(GradeDao.class, grades -> grades.day(lastDay,
        GradeFilter.none(), GradeSort.SYMBOL, false, 0, 10_000));
    try {
      jdbi.useTransaction(h -> h.attach(GradeDao.class).replace(lastDay, lastDay,
          day.subList(1, day.size())));
      assertThat(get(first).get("items").get(0).get("symbol").asText()).isNotEqualTo(symbol);
      assertThat(get(history.formatted(symbol)).get("items")).isEmpty();
    } finally {
      jdbi.useTransaction(h -> h.attach(GradeDao.class).replace(lastDay, lastDay, day));
    }
    assertThat(get(first).get("items").get(0).get("symbol").asText()).isEqualTo(symbol);
  }

  @Test
  void pagesThroughTheLatestGradesWithACursor() {
    List<String> symbols = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      JsonNode page = get("/v1/ratings?limit=20" + (next == null ? "" : "&cursor=" + next));
      page.get("items").forEach(item -> symbols.add(item.get("symbol").asText()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (next != null);
    List<String> onePage = new ArrayList<>();
    get("/v1/ratings?limit=500").get("items")
        .forEach(item -> onePage.add(item.get("symbol").asText()));
    assertThat(symbols).doesNotHaveDuplicates().isEqualTo(onePage);
    // Every asset but those with neither grade (the gold-pegged coin: no USD peg to judge).
    assertThat(symbols).hasSizeGreaterThanOrEqualTo(get("/v1/assets").get("assets").size() - 1);
    assertThat(pages).isEqualTo((symbols.size() + 19) / 20);
  }

  @Test
  void sortsAndFiltersByGradeZoneAndKind() {
    JsonNode items = get("/v1/ratings?kind=coin&sort=traderGrade&order=desc&limit=500")
        .get("items");
    double previous = 101;
    for (JsonNode item : items) {
      double grade = item.get("traderGrade").asDouble();
      assertThat(grade).isBetween(0.0, 100.0).isLessThanOrEqualTo(previous);
      previous = grade;
    }
    JsonNode gaining = get("/v1/ratings?zone=gaining&limit=500").get("items");
    gaining.forEach(item -> {
      assertThat(item.get("zone").asText()).isEqualTo("gaining");
      assertThat(item.get("traderGrade").asDouble()).isBetween(60.0, 81.0);
    });
    JsonNode ranged = get("/v1/ratings?minInvestorGrade=40&maxInvestorGrade=60&limit=500")
        .get("items");
    ranged.forEach(item -> assertThat(item.get("investorGrade").asDouble()).isBetween(40.0, 60.0));
    JsonNode stable = get("/v1/ratings?kind=stablecoin&sort=investorGrade&limit=500").get("items");
    assertThat(stable.size()).isGreaterThanOrEqualTo(6);
    stable.forEach(item -> assertThat(item.get("traderGrade").isNull()).isTrue());
    JsonNode byChange = get("/v1/ratings?kind=coin&sort=traderGradeChange&order=asc&limit=500")
        .get("items");
    assertThat(byChange.get(0).get("traderGradeChange").asDouble())
        .isLessThanOrEqualTo(byChange.get(1).get("traderGradeChange").asDouble());
  }

  @Test
  void everyGradeExplainsItself() {
    String symbol = get("/v1/ratings?kind=coin&limit=1").get("items").get(0).get("symbol")
        .asText();
    JsonNode history = get("/v1/ratings/" + symbol + "?from=" + lastDay.minusDays(9) + "&to="
        + lastDay).get("items");
    assertThat(history).hasSize(10);
    for (JsonNode day : history) {
      double sum = 0;
      for (JsonNode factor : day.get("traderBreakdown")) {
        assertThat(factor.get("factor").asText()).isNotBlank();
        assertThat(factor.get("weight").asDouble()).isPositive();
        sum += factor.get("contribution").isNull() ? 0 : factor.get("contribution").asDouble();
      }
      assertThat(sum).isCloseTo(day.get("traderGrade").asDouble(),
          org.assertj.core.data.Offset.offset(0.01));
      assertThat(day.get("signal").asInt()).isBetween(-1, 1);
    }
  }

  @Test
  void historiesAndSignalsPageByDate() {
    String symbol = get("/v1/ratings?kind=coin&limit=1").get("items").get(0).get("symbol")
        .asText();
    JsonNode first = get("/v1/signals?symbol=" + symbol + "&limit=100");
    assertThat(first.get("items")).hasSize(100);
    JsonNode second = get("/v1/signals?symbol=" + symbol + "&limit=100&cursor="
        + first.get("next").asText());
    assertThat(LocalDate.parse(second.get("items").get(0).get("date").asText())).isEqualTo(
        LocalDate.parse(first.get("items").get(99).get("date").asText()).plusDays(1));
    JsonNode all = get("/v1/signals?from=" + lastDay + "&to=" + lastDay + "&limit=500");
    Set<String> symbols = new HashSet<>();
    all.get("items").forEach(i -> symbols.add(i.get("symbol").asText()));
    assertThat(symbols).hasSize(all.get("items").size()).contains(symbol);
  }

  @Test
  void comparesFollowingTheSignalWithHolding() {
    String symbol = get("/v1/ratings?kind=coin&limit=1").get("items").get(0).get("symbol")
        .asText();
    JsonNode free = get("/v1/signals/" + symbol + "/performance?feeBps=0");
    JsonNode costly = get("/v1/signals/" + symbol + "/performance?feeBps=100");
    assertThat(free.get("holdReturn").asDouble()).isGreaterThan(-1.0);
    assertThat(free.get("exposure").asDouble()).isBetween(0.0, 1.0);
    // Nearly four years of a volatile coin's signal: it trades, so fees must cost something.
    assertThat(free.get("trades").asInt()).isPositive();
    assertThat(costly.get("signalReturn").asDouble())
        .isLessThan(free.get("signalReturn").asDouble());
    try (Response negative = request("/v1/signals/" + symbol + "/performance?feeBps=-1")) {
      assertThat(negative.getStatus()).isEqualTo(400);
    }
  }

  @Test
  void stablecoinPegHealthCatchesTheScriptedEvents() {
    JsonNode latest = get("/v1/stablecoins").get("items");
    assertThat(latest.size()).isGreaterThanOrEqualTo(6);
    String algorithmic = null;
    for (JsonNode coin : latest) {
      if (coin.get("collateral").asText().equals("algorithmic")) {
        algorithmic = coin.get("symbol").asText();
        assertThat(coin.get("status").asText()).as("collapsed for good").isEqualTo("depeg");
      }
    }
    assertThat(algorithmic).isNotNull();
    JsonNode collapse = get("/v1/stablecoins/" + algorithmic + "?from=2022-04-20&to=2022-06-30"
        + "&limit=500").get("items");
    assertThat(collapse.get(0).get("status").asText()).isEqualTo("on-peg");
    assertThat(collapse.get(collapse.size() - 1).get("status").asText()).isEqualTo("depeg");
  }

  @Test
  void answersCsvWhenAsked() {
    Response csv = APP.client().target("http://127.0.0.1:" + APP.getLocalPort()
        + "/v1/ratings?kind=coin&limit=5").request().header("Accept", "text/csv").get();
    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getMediaType().toString()).startsWith("text/csv");
    String[] lines = csv.readEntity(String.class).split("\r\n");
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).startsWith("symbol,date,traderGrade,investorGrade");
  }

  @Test
  void theGradesHealthCheckSaysHowFarGradingHasGot() {
    JsonNode health = APP.client().target("http://127.0.0.1:" + APP.getAdminPort()
        + "/healthcheck").request().get().readEntity(JsonNode.class);
    assertThat(health.get("grades").get("healthy").asBoolean()).isTrue();
    assertThat(health.get("grades").get("message").asText()).isEqualTo("graded up to " + lastDay);
  }

  @Test
  void evaluatesBothGrades() {
    JsonNode evaluation = get("/v1/evaluation");
    assertThat(evaluation.get("coins").asInt()).isGreaterThanOrEqualTo(50);
    assertThat(evaluation.get("trader").get("horizonDays").asInt()).isEqualTo(7);
    assertThat(evaluation.get("investor").get("horizonDays").asInt()).isEqualTo(90);
    assertThat(evaluation.get("trader").get("dates").asInt()).isGreaterThan(100);
    assertThat(evaluation.get("trader").get("meanSpearman").asDouble()).isBetween(-1.0, 1.0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /v1/ratings?limit=0                      | limit
      /v1/ratings?limit=501                    | limit
      /v1/ratings?limit=ten                    | limit
      /v1/ratings?zone=mooning                 | zone
      /v1/ratings?kind=nft                     | kind
      /v1/ratings?sort=vibes                   | sort
      /v1/ratings?order=sideways               | order
      /v1/ratings?minTraderGrade=101           | minTraderGrade
      /v1/ratings?maxInvestorGrade=-1          | maxInvestorGrade
      /v1/ratings?minTradeGrade=50             | minTradeGrade
      /v1/ratings?cursor=bm90LWEtY3Vyc29y      | cursor
      /v1/ratings?date=2024-02-30              | date
      /v1/ratings/BTC?from=2024-01-02&to=2024-01-01 | from
      /v1/signals?from=yesterday               | from
      /v1/stablecoins/NOPE                     | symbol
      /v1/evaluation?to=soon                   | to
      """)
  void badParametersGetAProblemNamingThem(String path, String field) {
    Response response = request(path);
    assertThat(response.getStatus()).as(path).isBetween(400, 404);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(response.readEntity(JsonNode.class).get("field").asText()).isEqualTo(field);
  }
}
