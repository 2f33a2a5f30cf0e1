package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.Role;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API keys, roles and rate limits on a real server with keyed market data, run on H2 and on
 * PostgreSQL by its subclasses. Keys made "outside" are made on the database directly, as the
 * {@code create-key} command does from another process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AuthApiContract {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int KEY_CACHE_SECONDS = 3;

  abstract DropwizardAppExtension<BallastConfiguration> app();

  abstract TestDatabase db();

  private ApiKeys outside;
  private String admin;
  private String analyst;
  private String owner;

  static ConfigOverride[] overrides() {
    return new ConfigOverride[] {
        ConfigOverride.config("grading.enabled", "false"),
        ConfigOverride.config("auth.publicMarketData", "false"),
        ConfigOverride.config("auth.keyCacheTtl", KEY_CACHE_SECONDS + "s"),
        ConfigOverride.config("auth.rateLimits.anonymous.perSecond", "1"),
        ConfigOverride.config("auth.rateLimits.anonymous.burst", "150"),
        ConfigOverride.config("auth.rateLimits.owner.perSecond", "1"),
        ConfigOverride.config("auth.rateLimits.owner.burst", "8")};
  }

  @BeforeAll
  void makeKeys() {
    Jdbi jdbi = Database.jdbi(db().dataSource());
    outside = new ApiKeys(jdbi, Clock.systemUTC(), Duration.ZERO, Ticker.systemTicker());
    admin = outside.create("root", Role.ADMIN).secret();
    analyst = outside.create("ana", Role.ANALYST).secret();
    owner = outside.create("alice", Role.OWNER).secret();
  }

  HttpResponse<String> send(String method, String path, String key, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app().getLocalPort() + path));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String key) throws Exception {
    return send("GET", path, key, null);
  }

  JsonNode json(HttpResponse<String> response) throws Exception {
    return app().getObjectMapper().readTree(response.body());
  }

  void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(problem.get("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void marketDataNeedsAKeyOfAnyRoleWhenConfigured() throws Exception {
    HttpResponse<String> anonymous = get("/v1/assets", null);
    assertProblem(anonymous, 401, "X-API-Key");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    for (String key : List.of(admin, analyst, owner)) {
      assertThat(get("/v1/assets", key).statusCode()).isEqualTo(200);
    }
    assertProblem(get("/v1/quotes/BTC", null), 401, "X-API-Key");
    assertProblem(get("/v1/quotes/BTC", analyst), 404, "symbol");
  }

  @Test
  void pingAndTheApiDocumentsStayOpen() throws Exception {
    for (String path : List.of("/v1/ping", "/openapi.json", "/docs")) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonsense", "bk_", "bk_tooshort", "Bearer bk_abc",
      "bk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "bk_' OR '1'='1' --", "bk_%00%00", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}",
      "bk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
  void invalidKeysAreUnauthorizedEverywhere(String key) throws Exception {
    assertProblem(get("/v1/assets", key), 401, "X-API-Key");
    assertProblem(get("/v1/keys", key), 401, "X-API-Key");
    assertProblem(get("/v1/ping", key), 401, "X-API-Key");
  }

  @Test
  void anOverlongKeyIsUnauthorized() throws Exception {
    assertProblem(get("/v1/assets", "bk_" + "A".repeat(2000)), 401, "X-API-Key");
  }

  @Test
  void aRefusedRequestWithABodyKeepsTheConnectionAlive() throws Exception {
    String body = "{\"name\":\"" + "x".repeat(20_000) + "\"}";
    try (Socket socket = new Socket("127.0.0.1", app().getLocalPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (String key : List.of("", "X-API-Key: bk_notakey\r\n", "X-API-Key: " + analyst
          + "\r\n")) {
        // The body arrives in two parts, as from a slow client: the refusal is decided on the
        // headers, before the second part is there.
        out.write(("POST /v1/portfolios HTTP/1.1\r\nHost: localhost\r\n" + key
            + "Content-Type: application/json\r\nContent-Length: " + body.length()
            + "\r\n\r\n" + body.substring(0, 100)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(300);
        out.write(body.substring(100).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String refusal = readResponse(in);
        assertThat(refusal).as(key).matches("(?s)HTTP/1.1 40[13] .*")
            .doesNotContainIgnoringCase("connection: close");
      }
      out.write("GET /v1/ping HTTP/1.1\r\nHost: localhost\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"ok\"}");
    }
  }

  /** One HTTP/1.1 response with a Content-Length body, as text. */
  private static String readResponse(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      assertThat(c).as("the connection stayed open; got so far: " + head).isNotNegative();
      head.append((char) c);
    }
    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return head + new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  @Test
  void rolesAreEnforcedWith403() throws Exception {
    HttpResponse<String> forbidden = get("/v1/keys", owner);
    assertProblem(forbidden, 403, null);
    assertThat(json(forbidden).get("detail").asText()).contains("admin").contains("owner");
    assertProblem(get("/v1/keys", analyst), 403, null);
    assertProblem(send("POST", "/v1/keys", analyst, "{\"name\":\"x\",\"role\":\"admin\"}"),
        403, null);
    assertProblem(send("DELETE", "/v1/keys/1", owner, null), 403, null);
    assertProblem(get("/v1/keys", null), 401, "X-API-Key");
    assertThat(get("/v1/keys", admin).statusCode()).isEqualTo(200);

    JsonNode me = json(get("/v1/keys/me", analyst));
    assertThat(me.get("name").asText()).isEqualTo("ana");
    assertThat(me.get("role").asText()).isEqualTo("analyst");
    assertThat(me.get("id").asLong()).isPositive();
  }

  @Test
  void adminsMakeListAndRevokeKeysOverHttp() throws Exception {
    HttpResponse<String> created = send("POST", "/v1/keys", admin,
        "{\"name\":\"bob\",\"role\":\"OWNER\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = json(created);
    String key = body.get("key").asText();
    long id = body.get("id").asLong();
    assertThat(key).matches("bk_[A-Za-z0-9_-]{43}");
    assertThat(body.get("role").asText()).isEqualTo("owner");
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/v1/keys/" + id));

    assertThat(json(get("/v1/keys/me", key)).get("name").asText()).isEqualTo("bob");
    JsonNode one = json(get("/v1/keys/" + id, admin));
    assertThat(one.get("lastUsedAt").isNull()).as("used just now").isFalse();
    assertThat(one.has("key")).isFalse();

    String list = get("/v1/keys?limit=500", admin).body();
    assertThat(list).contains("\"bob\"").doesNotContain("bk_").doesNotContain(key.substring(3));

    assertThat(send("DELETE", "/v1/keys/" + id, admin, null).statusCode()).isEqualTo(204);
    assertProblem(get("/v1/keys/me", key), 401, "X-API-Key");
    assertThat(send("DELETE", "/v1/keys/" + id, admin, null).statusCode())
        .as("revoking twice changes nothing").isEqualTo(204);
    assertThat(json(get("/v1/keys/" + id, admin)).get("revokedAt").isNull()).isFalse();
    assertProblem(send("DELETE", "/v1/keys/999999", admin, null), 404, "id");
  }

  @Test
  void pagesThroughKeys() throws Exception {
    List<Long> ids = new ArrayList<>();
    String next = null;
    do {
      JsonNode page = json(get("/v1/keys?limit=1" + (next == null ? "" : "&cursor=" + next),
          admin));
      page.get("items").forEach(k -> ids.add(k.get("id").asLong()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    } while (next != null);
    assertThat(ids).hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      GET    | /v1/keys/abc                    |                                        | 400 | id
      GET    | /v1/keys/-1                     |                                        | 400 | id
      GET    | /v1/keys/99999999999999999999   |                                        | 400 | id
      DELETE | /v1/keys/1%20OR%201=1           |                                        | 400 | id
      GET    | /v1/keys?limit=0                |                                        | 400 | limit
      GET    | /v1/keys?cursor=bm90LWEtY3Vyc29y |                                       | 400 | cursor
      GET    | /v1/keys?name=root              |                                        | 400 | name
      POST   | /v1/keys                        | `{"name": "x", "role": `               | 400 |
      POST   | /v1/keys                        | `{}`                                   | 400 | name
      POST   | /v1/keys                        | `{"name": "carol"}`                    | 400 | role
      POST   | /v1/keys                        | `{"name": "carol", "role": "god"}`     | 400 | role
      POST   | /v1/keys                        | `{"name": "carol", "role": 3}`         | 400 | role
      POST   | /v1/keys                        | `{"name": ["carol"], "role": "owner"}` | 400 | name
      POST   | /v1/keys                        | `{"name": "", "role": "owner"}`        | 400 | name
      POST   | /v1/keys                        | `{"name": "Robert'); DROP TABLE api_keys;--", "role": "owner"}` | 400 | name
      POST   | /v1/keys                        | `{"name": "<script>alert(1)</script>", "role": "owner"}` | 400 | name
      POST   | /v1/keys                        | `{"name": "a\\u0000b", "role": "owner"}` | 400 | name
      POST   | /v1/keys                        | `{"name": "carol", "role": "owner", "admin": true}` | 400 | admin
      POST   | /v1/keys                        | `[1, 2]`                               | 400 |
      POST   | /v1/keys                        | `null`                                 | 400 |
      """)
  void badKeyRequestsAreProblemsAndChangeNothing(String method, String path, String body,
      int status, String field) throws Exception {
    int before = outside.page(0, 10_000).size();
    assertProblem(send(method, path, admin, body), status, field);
    assertThat(outside.page(0, 10_000)).hasSize(before);
  }

  @Test
  void overlongNamesAndWrongMediaTypesAreRefused() throws Exception {
    assertProblem(send("POST", "/v1/keys", admin,
        "{\"name\": \"" + "n".repeat(101) + "\", \"role\": \"owner\"}"), 400, "name");
    HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + app().getLocalPort() + "/v1/keys"))
        .header("X-API-Key", admin).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertProblem(text, 415, null);
  }

  @Test
  void aKeyRevokedByAnotherProcessStopsWorkingWithinTheCacheTtl() throws Exception {
    ApiKeys.Created made = outside.create("temp", Role.ANALYST);
    assertThat(get("/v1/keys/me", made.secret()).statusCode()).isEqualTo(200);
    outside.revoke(made.key().id());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KEY_CACHE_SECONDS + 3);
    while (get("/v1/keys/me", made.secret()).statusCode() == 200) {
      assertThat(System.nanoTime()).as("revoked within the key cache TTL").isLessThan(deadline);
      Thread.sleep(200);
    }
    assertProblem(get("/v1/keys/me", made.secret()), 401, "X-API-Key");
  }

  @Test
  void eachKeyHasItsRoleRateLimit() throws Exception {
    String limited = outside.create("busy", Role.OWNER).secret();
    HttpResponse<String> response = null;
    for (int i = 0; i < 20; i++) {
      response = get("/v1/keys/me", limited);
      if (response.statusCode() == 429) {
        break;
      }
      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertProblem(response, 429, null);
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
        s -> assertThat(Long.parseLong(s)).isBetween(1L, 2L));
    assertThat(get("/v1/keys/me", analyst).statusCode()).as("other keys are not limited")
        .isEqualTo(200);
  }

  @Test
  @Order(Integer.MAX_VALUE) // spends this address's anonymous allowance: last
  void requestsWithoutAValidKeyAreLimitedByAddress() throws Exception {
    HttpResponse<String> response = null;
    for (int i = 0; i < 300; i++) {
      // Wrong keys and no key spend the same allowance: guessing keys is throttled too.
      response = get("/v1/ping", i % 2 == 0 ? null : "bk_wrong");
      if (response.statusCode() == 429) {
        break;
      }
    }
    assertProblem(response, 429, null);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(get("/v1/ping", admin).statusCode()).as("keys have their own buckets")
        .isEqualTo(200);
  }
}
