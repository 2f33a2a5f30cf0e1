package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.Role;
import dev.ballast.api.idempotency.Idempotency;
import dev.ballast.api.schedule.IdempotencyPurgeJob;
import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.regime.Regime;
import dev.ballast.rebalancer.store.RebalanceDao;
import dev.ballast.rebalancer.store.StoredRebalance;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The portfolio endpoints on a real server, run on H2 and on PostgreSQL by its subclasses: the
 * whole life of a portfolio, isolation between two owners on every endpoint, idempotent POSTs
 * (also racing ones), following an index, and bad input, which must be a 4xx problem naming the
 * field and leave the stored data exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortfolioApiContract {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId SOL = AssetId.of("SOL");

  abstract DropwizardAppExtension<BallastConfiguration> app();

  abstract TestDatabase db();

  private Jdbi jdbi;
  private String alice;
  private String bob;
  private String analyst;
  private String admin;

  static ConfigOverride[] overrides() {
    return new ConfigOverride[] {
        ConfigOverride.config("grading.enabled", "false"),
        ConfigOverride.config("indices.enabled", "false"),
        ConfigOverride.config("auth.rateLimits.owner.perSecond", "100000"),
        ConfigOverride.config("auth.rateLimits.owner.burst", "100000")};
  }

  /** Three coins with ten closes (2024-01-01..10), then owner keys made as the CLI does. */
  @BeforeAll
  void marketAndKeys() {
    jdbi = Database.jdbi(db().dataSource());
    List<PriceSeries> series = new ArrayList<>();
    Map<AssetId, Double> start = Map.of(BTC, 40000.0, ETH, 2000.0, SOL, 100.0);
    for (AssetId a : List.of(BTC, ETH, SOL)) {
      List<DailyBar> bars = new ArrayList<>();
      for (int d = 0; d < 10; d++) {
        bars.add(DailyBar.ofClose(a, LocalDate.of(2024, 1, 1).plusDays(d),
            start.get(a) * (1 + 0.01 * d), 1e9, 1e11));
      }
      series.add(PriceSeries.of(a, bars));
    }
    new MarketStore(jdbi, Clock.systemUTC()).loadIfEmpty(DatasetOrigin.SIMULATED, "test",
        List.of(Asset.coin(BTC, "Bitcoin"), Asset.coin(ETH, "Ether"), Asset.coin(SOL, "Sol")),
        series);
    ApiKeys keys = new ApiKeys(jdbi, Clock.systemUTC(), Duration.ZERO, Ticker.systemTicker());
    alice = keys.create("alice", Role.OWNER).secret();
    bob = keys.create("bob", Role.OWNER).secret();
    analyst = keys.create("ana", Role.ANALYST).secret();
    admin = keys.create("root", Role.ADMIN).secret();
  }

  // ---- HTTP ----

  HttpResponse<String> send(String method, String path, String key, String json,
      String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app().getLocalPort() + path));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      // After a 401/403 the auth filter answers without reading the body and the server closes
      // that connection; the client may already have picked it for the next request, which then
      // fails with "header parser received no bytes" before the server saw it. Send it again.
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  HttpResponse<String> send(String method, String path, String key, String json)
      throws Exception {
    return send(method, path, key, json, null);
  }

  JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json(response);
  }

  JsonNode json(HttpResponse<String> response) throws Exception {
    return app().getObjectMapper().readTree(response.body());
  }

  void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
    }
  }

  long create(String key, String name) throws Exception {
    return ok(send("POST", "/v1/portfolios", key, "{\"name\": \"" + name + "\"}"), 201)
        .get("id").asLong();
  }

  /** Everything stored about portfolios, as text: to check that a request changed nothing. */
  String snapshot() {
    return jdbi.withHandle(h -> {
      StringBuilder out = new StringBuilder();
      for (String sql : List.of(
          "SELECT portfolio_id, owner, name, cash FROM portfolios ORDER BY portfolio_id",
          "SELECT portfolio_id, symbol, quantity FROM portfolio_holdings"
              + " ORDER BY portfolio_id, symbol",
          "SELECT entry_id, kind, symbol, quantity, cash_delta FROM portfolio_ledger"
              + " ORDER BY entry_id",
          "SELECT portfolio_id, symbol, weight FROM portfolio_target_weights"
              + " ORDER BY portfolio_id, symbol",
          "SELECT portfolio_id, index_id FROM portfolio_follows ORDER BY portfolio_id",
          "SELECT rebalance_id, portfolio_id FROM portfolio_rebalances ORDER BY rebalance_id",
          "SELECT COUNT(*) FROM assets", "SELECT COUNT(*) FROM api_keys")) {
        h.createQuery(sql).mapToMap().forEach(row -> out.append(row).append('\n'));
      }
      return out.toString();
    });
  }

  int ledgerEntries(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM portfolio_ledger"
        + " WHERE portfolio_id = :id").bind("id", id).mapTo(Integer.class).one());
  }

  // ---- the life of a portfolio ----

  @Test
  void aPortfolioIsMadeFundedValuedRebalancedAndDeleted() throws Exception {
    HttpResponse<String> created = send("POST", "/v1/portfolios", alice,
        "{\"name\": \"Bob's retirement (2024)\"}");
    JsonNode p = ok(created, 201);
    long id = p.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/v1/portfolios/" + id));
    assertThat(p.get("name").asText()).isEqualTo("Bob's retirement (2024)");
    String base = "/v1/portfolios/" + id;

    JsonNode cash = ok(send("POST", base + "/deposits", alice, "{\"cashUsd\": \"10000.5\"}"), 201);
    assertThat(cash.get("kind").asText()).isEqualTo("deposit");
    assertThat(cash.get("asset").isNull()).isTrue();
    assertThat(cash.get("cashDeltaUsd").asText()).isEqualTo("10000.5");
    ok(send("POST", base + "/deposits", alice, "{\"asset\": \"btc\", \"quantity\": 0.1}"), 201);
    ok(send("POST", base + "/withdrawals", alice, "{\"cashUsd\": 0.5}"), 201);

    JsonNode detail = ok(send("GET", base, alice, null), 200);
    // BTC's newest close is 40000 × 1.09 = 43600.
    assertThat(new BigDecimal(detail.get("valueUsd").asText())).isEqualByComparingTo("14360");
    assertThat(detail.get("cashUsd").asText()).isEqualTo("10000");
    assertThat(detail.get("complete").asBoolean()).isTrue();
    JsonNode btc = detail.get("positions").get(0);
    assertThat(btc.get("symbol").asText()).isEqualTo("BTC");
    assertThat(btc.get("quantity").asText()).isEqualTo("0.1");
    assertThat(btc.get("weight").asDouble() + detail.get("cashWeight").asDouble())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(detail.get("target").get("kind").asText()).isEqualTo("none");

    String before = snapshot();
    assertProblem(send("POST", base + "/withdrawals", alice,
        "{\"asset\": \"BTC\", \"quantity\": \"0.100000000000000001\"}"), 409, "quantity");
    assertProblem(send("POST", base + "/withdrawals", alice, "{\"cashUsd\": 10001}"), 409,
        "quantity");
    assertProblem(send("POST", base + "/rebalance", alice, null), 409, "target");
    assertThat(snapshot()).isEqualTo(before);

    JsonNode target = ok(send("PUT", base + "/target", alice,
        "{\"kind\": \"custom\", \"weights\": {\"BTC\": 0.5, \"eth\": 0.3, \"SOL\": 0.2}}"), 200);
    assertThat(target.get("weights").get("ETH").asDouble()).isEqualTo(0.3);

    JsonNode preview = ok(send("POST", base + "/rebalance?dryRun=true", alice, null), 200);
    assertThat(preview.get("dryRun").asBoolean()).isTrue();
    assertThat(preview.get("id").isNull()).isTrue();
    assertThat(snapshot()).as("a dry run stores nothing").isNotEqualTo(before)
        .contains("portfolio_id=" + id); // only the target changed since `before`
    JsonNode done = ok(send("POST", base + "/rebalance", alice, null), 201);
    assertThat(done.get("orders")).hasSameSizeAs(preview.get("orders"));
    assertThat(done.get("trigger").asText()).isEqualTo("manual");
    assertThat(done.get("feeBps").asDouble()).isEqualTo(10);
    BigDecimal valueBefore = new BigDecimal(done.get("valueBeforeUsd").asText());
    BigDecimal valueAfter = new BigDecimal(done.get("valueAfterUsd").asText());
    BigDecimal fees = new BigDecimal(done.get("feesUsd").asText());
    assertThat(valueAfter.add(fees).subtract(valueBefore).abs()).isLessThan(new BigDecimal("1e-15"));
    for (JsonNode o : done.get("orders")) {
      // fee = notional × 10 bps, both shown at 18 decimals
      assertThat(new BigDecimal(o.get("feeUsd").asText())).isCloseTo(
          new BigDecimal(o.get("notionalUsd").asText()).multiply(new BigDecimal("0.001")),
          org.assertj.core.data.Offset.offset(new BigDecimal("1e-17")));
    }
    JsonNode rebalanced = ok(send("GET", base, alice, null), 200);
    for (JsonNode pos : rebalanced.get("positions")) {
      double want = Map.of("BTC", 0.5, "ETH", 0.3, "SOL", 0.2).get(pos.get("symbol").asText());
      assertThat(pos.get("weight").asDouble()).isCloseTo(want,
          org.assertj.core.data.Offset.offset(0.011));
    }
    JsonNode history = ok(send("GET", base + "/rebalances", alice, null), 200);
    assertThat(history.get("items")).hasSize(1);
    assertThat(history.get("items").get(0).get("id").asLong()).isEqualTo(done.get("id").asLong());
    JsonNode ledger = ok(send("GET", base + "/ledger?limit=2", alice, null), 200);
    assertThat(ledger.get("items")).hasSize(2);
    assertThat(ledger.get("next").isNull()).isFalse();

    JsonNode daily = ok(send("GET", base + "/history?from=2024-01-01", alice, null), 200);
    assertThat(daily.get("maxDrawdown").asDouble()).isBetween(0.0, 1.0);

    JsonNode renamed = ok(send("PATCH", base, alice, "{\"name\": \"Renamed\"}"), 200);
    assertThat(renamed.get("name").asText()).isEqualTo("Renamed");
    assertThat(send("DELETE", base, alice, null).statusCode()).isEqualTo(204);
    assertProblem(send("GET", base, alice, null), 404, "id");
    assertThat(ledgerEntries(id)).isZero();
  }

  @Test
  void listsPageThroughTheOwnersPortfoliosOnly() throws Exception {
    Set<Long> mine = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      mine.add(create(bob, "Bob " + i));
    }
    long alices = create(alice, "Alice's");
    List<Long> seen = new ArrayList<>();
    String next = null;
    do {
      JsonNode page = ok(send("GET", "/v1/portfolios?limit=1"
          + (next == null ? "" : "&cursor=" + next), bob, null), 200);
      page.get("items").forEach(p -> seen.add(p.get("id").asLong()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    } while (next != null);
    assertThat(seen).containsAll(mine).doesNotContain(alices).isSorted();
  }

  // ---- isolation and roles ----

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      GET    | /v1/portfolios/{id}                      |
      PATCH  | /v1/portfolios/{id}                      | `{"name": "Mine now"}`
      DELETE | /v1/portfolios/{id}                      |
      POST   | /v1/portfolios/{id}/deposits             | `{"cashUsd": "1"}`
      POST   | /v1/portfolios/{id}/withdrawals          | `{"cashUsd": "1"}`
      GET    | /v1/portfolios/{id}/ledger               |
      GET    | /v1/portfolios/{id}/history              |
      PUT    | /v1/portfolios/{id}/target               | `{"kind": "none"}`
      POST   | /v1/portfolios/{id}/rebalance?dryRun=true |
      POST   | /v1/portfolios/{id}/rebalance            |
      GET    | /v1/portfolios/{id}/rebalances           |
      """)
  void anotherOwnersPortfolioIsA404OnEveryEndpoint(String method, String path, String body)
      throws Exception {
    long id = create(alice, "Alice's own");
    String base = "/v1/portfolios/" + id;
    ok(send("POST", base + "/deposits", alice, "{\"cashUsd\": \"100\"}"), 201);
    ok(send("PUT", base + "/target", alice,
        "{\"kind\": \"custom\", \"weights\": {\"BTC\": 1}}"), 200);
    String before = snapshot();
    String url = path.replace("{id}", Long.toString(id));

    HttpResponse<String> theirs = send(method, url, bob, body);
    assertProblem(theirs, 404, "id");
    HttpResponse<String> missing = send(method, url.replace("/" + id, "/99999999"), bob, body);
    assertProblem(missing, 404, "id");
    assertThat(json(theirs).get("detail").asText().replace(Long.toString(id), "N"))
        .as("another's portfolio answers as a missing one")
        .isEqualTo(json(missing).get("detail").asText().replace("99999999", "N"));
    assertProblem(send(method, url, analyst, body), 403, null);
    assertProblem(send(method, url, admin, body), 403, null);
    assertProblem(send(method, url, null, body), 401, "X-API-Key");
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---- idempotency ----

  @Test
  void aReplayedPostAnswersAsTheFirstAndChangesNothing() throws Exception {
    long id = create(alice, "Idempotent");
    String deposits = "/v1/portfolios/" + id + "/deposits";
    HttpResponse<String> first = send("POST", deposits, alice, "{\"cashUsd\": \"250\"}", "k-1");
    ok(first, 201);
    String after = snapshot();
    HttpResponse<String> replay = send("POST", deposits, alice, "{\"cashUsd\": \"250\"}", "k-1");
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(snapshot()).isEqualTo(after);

    assertProblem(send("POST", deposits, alice, "{\"cashUsd\": \"251\"}", "k-1"), 422,
        "Idempotency-Key");
    assertProblem(send("POST", "/v1/portfolios/" + id + "/withdrawals", alice,
        "{\"cashUsd\": \"250\"}", "k-1"), 422, "Idempotency-Key");
    assertThat(snapshot()).isEqualTo(after);

    // Keys belong to their owner: Bob's k-1 is another key.
    ok(send("POST", "/v1/portfolios", bob, "{\"name\": \"Bob k-1\"}", "k-1"), 201);

    // A refusal made while executing is the request's result, and is replayed too.
    String withdrawals = "/v1/portfolios/" + id + "/withdrawals";
    assertProblem(send("POST", withdrawals, alice, "{\"cashUsd\": \"300\"}", "k-2"), 409,
        "quantity");
    ok(send("POST", deposits, alice, "{\"cashUsd\": \"100\"}", "k-3"), 201);
    HttpResponse<String> again = send("POST", withdrawals, alice, "{\"cashUsd\": \"300\"}", "k-2");
    assertProblem(again, 409, "quantity");
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");

    // Creating and rebalancing are idempotent too.
    HttpResponse<String> made = send("POST", "/v1/portfolios", alice, "{\"name\": \"Once\"}",
        "create-once");
    HttpResponse<String> madeAgain = send("POST", "/v1/portfolios", alice,
        "{\"name\": \"Once\"}", "create-once");
    assertThat(madeAgain.body()).isEqualTo(made.body());
    assertThat(madeAgain.headers().firstValue("Location"))
        .isEqualTo(made.headers().firstValue("Location"));
    ok(send("PUT", "/v1/portfolios/" + id + "/target", alice,
        "{\"kind\": \"custom\", \"weights\": {\"ETH\": 1}}"), 200);
    String rebalance = "/v1/portfolios/" + id + "/rebalance";
    JsonNode r1 = ok(send("POST", rebalance, alice, null, "rb-1"), 201);
    JsonNode r2 = ok(send("POST", rebalance, alice, null, "rb-1"), 201);
    assertThat(r2).isEqualTo(r1);
    assertThat(ok(send("GET", rebalance + "s", alice, null), 200).get("items")).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ``
      `   `
      `TOO_LONG`
      `tab\there`
      """)
  void malformedIdempotencyKeysAreRefused(String key) throws Exception {
    long id = create(alice, "Keys");
    String before = snapshot();
    HttpResponse<String> r = send("POST", "/v1/portfolios/" + id + "/deposits", alice,
        "{\"cashUsd\": \"1\"}",
        key.equals("TOO_LONG") ? "k".repeat(101) : key.replace("\\t", "\t"));
    assertProblem(r, 400, "Idempotency-Key");
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Sets when a key was first used, as if its request had come {@code age} ago. */
  void age(String owner, String key, Duration age) {
    int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE idempotency_keys SET created_at = :at"
            + " WHERE owner = :owner AND idem_key = :key")
        .bind("at", LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC))
        .bind("owner", owner).bind("key", key).execute());
    assertThat(rows).as("key " + key).isEqualTo(1);
  }

  @Test
  void aKeyOlderThanTheRetentionExecutesAgainAndAYoungerOneStillReplays() throws Exception {
    long id = create(alice, "Expiring keys");
    String deposits = "/v1/portfolios/" + id + "/deposits";
    HttpResponse<String> first = send("POST", deposits, alice, "{\"cashUsd\": \"5\"}", "exp-1");
    ok(first, 201);

    age("alice", "exp-1", Duration.ofHours(23)); // the default retention is 24 hours
    HttpResponse<String> replay = send("POST", deposits, alice, "{\"cashUsd\": \"5\"}", "exp-1");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(ledgerEntries(id)).isEqualTo(1);

    age("alice", "exp-1", Duration.ofHours(24).plusMinutes(1));
    HttpResponse<String> again = send("POST", deposits, alice, "{\"cashUsd\": \"5\"}", "exp-1");
    ok(again, 201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(json(again).get("id").asLong()).isNotEqualTo(json(first).get("id").asLong());
    assertThat(ledgerEntries(id)).as("executed again").isEqualTo(2);
    HttpResponse<String> replayOfNew = send("POST", deposits, alice, "{\"cashUsd\": \"5\"}",
        "exp-1");
    assertThat(replayOfNew.body()).as("the new answer is the one kept").isEqualTo(again.body());
    assertThat(replayOfNew.headers().firstValue("Idempotent-Replayed")).contains("true");

    // An expired key is free for another request too: no 422.
    age("alice", "exp-1", Duration.ofDays(30));
    ok(send("POST", "/v1/portfolios/" + id + "/withdrawals", alice, "{\"cashUsd\": \"1\"}",
        "exp-1"), 201);
    assertThat(ledgerEntries(id)).isEqualTo(3);
    assertThat(ok(send("GET", "/v1/portfolios/" + id, alice, null), 200).get("cashUsd").asText())
        .isEqualTo("9");
  }

  /** An Idempotency of this database whose clock stands at {@code now}. */
  Idempotency idempotencyAt(Instant now) {
    return new Idempotency(jdbi, app().getObjectMapper(), Clock.fixed(now, ZoneOffset.UTC),
        Duration.ofHours(24));
  }

  List<String> keysOf(String owner) {
    return jdbi.withHandle(h -> h.createQuery("SELECT idem_key FROM idempotency_keys"
        + " WHERE owner = :owner ORDER BY idem_key").bind("owner", owner)
        .mapTo(String.class).list());
  }

  String keysOtherThan(String owner) {
    return jdbi.withHandle(h -> h.createQuery("SELECT owner, idem_key, created_at"
            + " FROM idempotency_keys WHERE owner <> :owner ORDER BY owner, idem_key")
        .bind("owner", owner).mapToMap().list().toString());
  }

  @Test
  void expiryFollowsTheClockAndThePurgeDeletesOnlyExpiredKeys() throws Exception {
    // Long before the keys the other tests make (at the real time), so those stay unexpired.
    Instant t0 = Instant.parse("2001-02-03T04:05:06Z");
    String owner = "clocked-" + db().engine();
    int[] executions = {0};
    Supplier<Response> action = () -> Response.status(201)
        .entity("{\"execution\": " + ++executions[0] + "}").build();
    Function<Instant, Response> post = at -> idempotencyAt(at).run(owner, "clocked-1", "POST",
        "/v1/things", "{}", action);

    assertThat(post.apply(t0).getEntity()).isEqualTo("{\"execution\": 1}");
    Response atTheLimit = post.apply(t0.plus(Duration.ofHours(24)));
    assertThat(atTheLimit.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
    assertThat(atTheLimit.getEntity()).isEqualTo("{\"execution\": 1}");
    Instant t1 = t0.plus(Duration.ofHours(24)).plusSeconds(1);
    Response expired = post.apply(t1);
    assertThat(expired.getHeaderString("Idempotent-Replayed")).isNull();
    assertThat(expired.getEntity()).isEqualTo("{\"execution\": 2}");
    assertThat(post.apply(t1.plus(Duration.ofHours(23))).getEntity())
        .isEqualTo("{\"execution\": 2}");
    assertThat(executions[0]).isEqualTo(2);

    // Keys first used at t0 + 1h (to expire) and t1 (to stay), next to the other tests' keys.
    idempotencyAt(t0.plus(Duration.ofHours(1))).run(owner, "clocked-old", "POST", "/v1/things",
        "{}", action);
    ok(send("POST", "/v1/portfolios", alice, "{\"name\": \"Kept key\"}", "purge-keeps-me"), 201);
    String others = keysOtherThan(owner);
    assertThat(others).contains("purge-keeps-me");
    assertThat(idempotencyAt(t1.plus(Duration.ofHours(1))).purgeExpired()).isEqualTo(1);
    assertThat(keysOf(owner)).containsExactly("clocked-1");
    assertThat(keysOtherThan(owner)).as("unexpired keys of other owners are kept")
        .isEqualTo(others);
    assertThat(idempotencyAt(t1.plus(Duration.ofHours(25))).purgeExpired())
        .as("and clocked-1 in its turn").isEqualTo(1);

    // The server's daily job (its clock now, the configured 24 hours) purges the same way.
    idempotencyAt(t0).run(owner, "clocked-again", "POST", "/v1/things", "{}", action);
    server().instance(IdempotencyPurgeJob.class).execute(null);
    assertThat(keysOf(owner)).isEmpty();
    assertThat(keysOtherThan(owner)).contains("purge-keeps-me");
  }

  @Test
  void racingReplaysOfOneKeyExecuteOnce() throws Exception {
    long id = create(alice, "Racing");
    String deposits = "/v1/portfolios/" + id + "/deposits";
    int callers = 8;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<HttpResponse<String>> responses = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<HttpResponse<String>> call = () -> {
          start.await();
          return send("POST", deposits, alice, "{\"cashUsd\": \"7\"}", "race-1");
        };
        futures.add(pool.submit(call));
      }
      for (Future<HttpResponse<String>> f : futures) {
        responses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> bodies = new HashSet<>();
    for (HttpResponse<String> r : responses) {
      assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
      if (r.statusCode() == 201) {
        bodies.add(r.body());
      }
    }
    assertThat(bodies).as("every success is the one execution's answer").hasSize(1);
    assertThat(ledgerEntries(id)).isEqualTo(1);
    JsonNode detail = ok(send("GET", "/v1/portfolios/" + id, alice, null), 200);
    assertThat(detail.get("cashUsd").asText()).isEqualTo("7");
  }

  // ---- stale quotes ----

  FailingQuotesApplication server() {
    return (FailingQuotesApplication) app().getApplication();
  }

  /** Symbol to staleness of the quotes a dry run priced the portfolio at. */
  Map<String, Boolean> quotesOf(JsonNode preview) {
    Map<String, Boolean> stale = new java.util.TreeMap<>();
    preview.get("quotes").forEach(q -> stale.put(q.get("symbol").asText(),
        q.get("stale").asBoolean()));
    return stale;
  }

  @Test
  void noPaperFillsAtStaleQuotesButTheDryRunShowsThem() throws Exception {
    long id = create(alice, "Stale quotes");
    String base = "/v1/portfolios/" + id;
    ok(send("POST", base + "/deposits", alice, "{\"cashUsd\": \"10000\"}"), 201);
    ok(send("POST", base + "/deposits", alice, "{\"asset\": \"SOL\", \"quantity\": \"5\"}"),
        201);
    ok(send("PUT", base + "/target", alice,
        "{\"kind\": \"custom\", \"weights\": {\"BTC\": 0.5, \"ETH\": 0.5}}"), 200);
    JsonNode fresh = ok(send("POST", base + "/rebalance?dryRun=true", alice, null), 200);
    assertThat(quotesOf(fresh)).isEqualTo(Map.of("BTC", false, "ETH", false, "SOL", false));
    assertThat(new BigDecimal(fresh.get("quotes").get(0).get("price").asText()))
        .isEqualByComparingTo("43600"); // BTC's newest close

    String before = snapshot();
    try {
      server().failing.addAll(List.of(BTC, SOL)); // SOL is only sold, BTC only bought
      server().reloadQuotes();
      JsonNode preview = ok(send("POST", base + "/rebalance?dryRun=true", alice, null), 200);
      assertThat(quotesOf(preview)).isEqualTo(Map.of("BTC", true, "ETH", false, "SOL", true));
      assertThat(preview.get("orders")).hasSameSizeAs(fresh.get("orders"));
      assertThat(json(send("GET", "/v1/quotes/BTC", null, null)).get("stale").asBoolean())
          .as("the quotes endpoint agrees").isTrue();

      for (String key : new String[] {null, "stale-1"}) {
        HttpResponse<String> refused = send("POST", base + "/rebalance", alice, null, key);
        assertProblem(refused, 409, "quotes");
        assertThat(json(refused).get("detail").asText()).contains("stale", "BTC", "SOL")
            .doesNotContain("ETH");
        assertThat(refused.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
      }
      assertThat(keysOf("alice")).as("a passing refusal is not kept under the key")
          .doesNotContain("stale-1");
    } finally {
      server().failing.clear();
      server().reloadQuotes();
    }

    // The source is back: the same request, with the same key, now executes.
    HttpResponse<String> done = send("POST", base + "/rebalance", alice, null, "stale-1");
    ok(done, 201);
    assertThat(done.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(json(done).get("orders")).hasSameSizeAs(fresh.get("orders"));
    assertThat(json(done).get("quotes").isNull()).as("dry runs only").isTrue();
    assertThat(quotesOf(ok(send("POST", base + "/rebalance?dryRun=true", alice, null), 200)))
        .containsValues(false).doesNotContainValue(true);
  }

  // ---- following an index ----

  @Test
  void followingAnIndexRebalancesToItsLatestWeightsWithItsRules() throws Exception {
    long id = create(alice, "Follower");
    String base = "/v1/portfolios/" + id;
    ok(send("POST", base + "/deposits", alice, "{\"cashUsd\": \"100000\"}"), 201);
    assertProblem(send("PUT", base + "/target", alice,
        "{\"kind\": \"follow\", \"index\": \"no-such-index\"}"), 422, "index");
    assertProblem(send("PUT", base + "/target", alice,
        "{\"kind\": \"follow\", \"index\": \"NOT AN ID\"}"), 422, "index");
    JsonNode target = ok(send("PUT", base + "/target", alice,
        "{\"kind\": \"follow\", \"index\": \"top20-grade\"}"), 200);
    assertThat(target.get("index").asText()).isEqualTo("top20-grade");
    assertProblem(send("POST", base + "/rebalance?dryRun=true", alice, null), 409, "target");

    // As if top20-grade had rebalanced: 60% BTC, 39% ETH, 1% left in cash.
    jdbi.useHandle(h -> h.attach(RebalanceDao.class).insert(new StoredRebalance(0,
        IndexId.of("top20-grade"), Trigger.MANUAL, Optional.empty(), "test", Instant.now(),
        LocalDate.of(2024, 1, 10), Regime.values()[0], 0, "{}", Map.of(),
        Map.of(BTC, 0.6, ETH, 0.39, SOL, 0.0), "[]", List.of(), BigDecimal.ZERO,
        new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal("10"),
        Map.of(BTC, new BigDecimal("0.01")))));
    JsonNode preview = ok(send("POST", base + "/rebalance?dryRun=true", alice, null), 200);
    assertThat(preview.get("index").asText()).isEqualTo("top20-grade");
    assertThat(preview.get("driftBand").asDouble()).isEqualTo(0.02);
    assertThat(preview.get("targetWeights").has("SOL")).as("zero weights are no target").isFalse();
    JsonNode done = ok(send("POST", base + "/rebalance", alice, null), 201);
    assertThat(done.get("orders")).hasSize(2);
    JsonNode detail = ok(send("GET", base, alice, null), 200);
    for (JsonNode pos : detail.get("positions")) {
      double want = pos.get("symbol").asText().equals("BTC") ? 0.6 : 0.39;
      assertThat(pos.get("weight").asDouble()).isCloseTo(want,
          org.assertj.core.data.Offset.offset(1e-3));
    }
  }

  // ---- bad input ----

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      POST  | /v1/portfolios                 | `{"name": "x", `                        | 400 | body
      POST  | /v1/portfolios                 | `[1, 2]`                                 | 400 | body
      POST  | /v1/portfolios                 | `null`                                   | 400 | body
      POST  | /v1/portfolios                 | `{}`                                     | 400 | name
      POST  | /v1/portfolios                 | `{"name": 42}`                           | 400 | name
      POST  | /v1/portfolios                 | `{"name": ["a"]}`                        | 400 | name
      POST  | /v1/portfolios                 | `{"name": ""}`                           | 400 | name
      POST  | /v1/portfolios                 | `{"name": "'; DROP TABLE portfolios; --"}` | 400 | name
      POST  | /v1/portfolios                 | `{"name": "<script>alert(1)</script>"}`  | 400 | name
      POST  | /v1/portfolios                 | `{"name": "a\\u0000b"}`                  | 400 | name
      POST  | /v1/portfolios                 | `{"name": "ok", "owner": "bob"}`         | 400 | owner
      POST  | /v1/portfolios?owner=bob       | `{"name": "ok"}`                         | 400 | owner
      PATCH | /v1/portfolios/{id}            | `{"name": "Robert'); DROP TABLE portfolio_ledger;--"}` | 400 | name
      PATCH | /v1/portfolios/{id}            | `{"nom": "typo"}`                        | 400 | nom
      GET   | /v1/portfolios/abc             |                                          | 400 | id
      GET   | /v1/portfolios/1%20OR%201=1    |                                          | 400 | id
      GET   | /v1/portfolios/-1              |                                          | 400 | id
      GET   | /v1/portfolios/99999999999999999999 |                                     | 400 | id
      GET   | /v1/portfolios?limit=0         |                                          | 400 | limit
      GET   | /v1/portfolios?limit=501       |                                          | 400 | limit
      GET   | /v1/portfolios?cursor=bm9wZQ   |                                          | 400 | cursor
      GET   | /v1/portfolios/{id}?verbose=1  |                                          | 400 | verbose
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC"}`                       | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"quantity": "1"}`                      | 400 | asset
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "-1"}`     | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": 0}`        | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "1000000000000001"}` | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": 1e16}`     | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": 1e999999999}` | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "0.0000000000000000001"}` | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "1e-999999999"}` | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "NaN"}`    | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "one"}`    | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": true}`     | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": {"v": 1}}` | 400 | quantity
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": 7, "quantity": "1"}`          | 400 | asset
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "NOPE", "quantity": "1"}`     | 422 | asset
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC'; DROP TABLE assets;--", "quantity": "1"}` | 400 | asset
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "<script>", "quantity": "1"}` | 400 | asset
      POST  | /v1/portfolios/{id}/deposits   | `{"asset": "BTC", "quantity": "1", "cashUsd": "1"}` | 400 | asset
      POST  | /v1/portfolios/{id}/deposits   | `{"cashUsd": "-5"}`                      | 400 | cashUsd
      POST  | /v1/portfolios/{id}/deposits   | `{"cashUsd": ""}`                        | 400 | cashUsd
      POST  | /v1/portfolios/{id}/deposits   | `{"cashUsd": "1", "fee": "0"}`           | 400 | fee
      POST  | /v1/portfolios/{id}/deposits?x=1 | `{"cashUsd": "1"}`                     | 400 | x
      POST  | /v1/portfolios/{id}/withdrawals | `{"asset": "ETH", "quantity": "1"}`     | 409 | quantity
      POST  | /v1/portfolios/{id}/withdrawals | `{"asset": "BTC", "quantity": "1e16"}`  | 400 | quantity
      PUT   | /v1/portfolios/{id}/target     | `{}`                                     | 400 | kind
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "everything"}`                 | 400 | kind
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "follow"}`                     | 400 | index
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "follow", "index": "top10-mcap'; DROP TABLE index_definitions;--"}` | 422 | index
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "follow", "index": "top10-mcap", "weights": {"BTC": 1}}` | 400 | weights
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom"}`                     | 400 | weights
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": []}`      | 400 | weights
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {}}`      | 400 | weights
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {"BTC": 0.5, "ETH": 0.4}}` | 400 | weights
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {"BTC": 1.5, "ETH": -0.5}}` | 400 | weights
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {"BTC": "1"}}` | 400 | weights.BTC
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {"NOPE": 1}}` | 422 | weights.NOPE
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {"<script>": 1}}` | 400 | weights.<script>
      PUT   | /v1/portfolios/{id}/target     | `{"kind": "custom", "weights": {"BTC": 1, "btc": 0}}` | 400 | weights.btc
      POST  | /v1/portfolios/{id}/rebalance?dryRun=maybe |                              | 400 | dryRun
      POST  | /v1/portfolios/{id}/rebalance?dryrun=true |                               | 400 | dryrun
      POST  | /v1/portfolios/{id}/rebalance  | `{"force": true}`                        | 400 | body
      GET   | /v1/portfolios/{id}/history?from=yesterday |                              | 400 | from
      GET   | /v1/portfolios/{id}/history?from=2024-02-01&to=2024-01-01 |               | 400 | from
      GET   | /v1/portfolios/{id}/history?to=2024-02-30 |                               | 400 | to
      GET   | /v1/portfolios/{id}/history?since=2024-01-01 |                            | 400 | since
      GET   | /v1/portfolios/{id}/rebalances?limit=x |                                  | 400 | limit
      GET   | /v1/portfolios/{id}/ledger?cursor=%27%20OR%201=1 |                        | 400 | cursor
      """)
  void badInputIsAProblemNamingTheFieldAndChangesNothing(String method, String path,
      String body, int status, String field) throws Exception {
    long id = create(alice, "Target of bad input");
    ok(send("POST", "/v1/portfolios/" + id + "/deposits", alice,
        "{\"asset\": \"BTC\", \"quantity\": \"0.5\"}"), 201);
    String before = snapshot();
    HttpResponse<String> r = send(method, path.replace("{id}", Long.toString(id)), alice, body);
    assertProblem(r, status, field);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void overlongNamesAndBodiesAndWrongMediaTypesAreRefused() throws Exception {
    String before = snapshot();
    assertProblem(send("POST", "/v1/portfolios", alice,
        "{\"name\": \"" + "n".repeat(101) + "\"}"), 400, "name");
    assertProblem(send("POST", "/v1/portfolios", alice,
        "{\"name\": \"" + "n".repeat(100_000) + "\"}"), 400, "body");
    HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + app().getLocalPort() + "/v1/portfolios"))
        .header("X-API-Key", alice).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertProblem(text, 415, null);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(create(alice, "n".repeat(100))).isPositive();
  }

  // ---- the API document ----

  @Test
  void theOpenApiDocumentListsThePortfolioEndpoints() throws Exception {
    JsonNode paths = ok(send("GET", "/openapi.json", null, null), 200).get("paths");
    Map<String, List<String>> expected = Map.of(
        "/v1/portfolios", List.of("get", "post"),
        "/v1/portfolios/{id}", List.of("get", "patch", "delete"),
        "/v1/portfolios/{id}/deposits", List.of("post"),
        "/v1/portfolios/{id}/withdrawals", List.of("post"),
        "/v1/portfolios/{id}/ledger", List.of("get"),
        "/v1/portfolios/{id}/history", List.of("get"),
        "/v1/portfolios/{id}/target", List.of("put"),
        "/v1/portfolios/{id}/rebalance", List.of("post"),
        "/v1/portfolios/{id}/rebalances", List.of("get"));
    expected.forEach((path, methods) -> {
      assertThat(paths.has(path)).as(path).isTrue();
      methods.forEach(m -> assertThat(paths.get(path).has(m)).as(m + " " + path).isTrue());
    });
    JsonNode deposit = paths.get("/v1/portfolios/{id}/deposits").get("post");
    List<String> params = new ArrayList<>();
    deposit.get("parameters").forEach(p -> params.add(p.get("name").asText()));
    assertThat(params).contains("id", "Idempotency-Key");
    assertThat(deposit.get("requestBody")).isNotNull();
  }
}
