package dev.ballast.api.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.api.errors.Problem;
import dev.ballast.api.errors.ProblemException;
import dev.ballast.rebalancer.backtest.BacktestJson;
import dev.ballast.rebalancer.backtest.BacktestReport;
import dev.ballast.rebalancer.backtest.BacktestResult;
import dev.ballast.rebalancer.backtest.BacktestSettings;
import dev.ballast.rebalancer.backtest.Backtester;
import dev.ballast.rebalancer.backtest.Progress;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.schedule.IndexService;
import dev.ballast.rebalancer.schedule.MarketContexts;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /v1/backtests}: runs a backtest of a stored index ({@code "index": "top10-mcap"}) or
 * of a definition given inline ({@code "definition": {...}}) over the stored history and answers
 * with the whole result as JSON (the same document as {@code ballast backtest --json}), or with
 * the HTML report when asked for {@code text/html}. Backtests run on the request thread, at most
 * {@value #CONCURRENT} at a time; more get a 503 problem with {@code Retry-After}.
 */
@Path("/v1/backtests")
public final class BacktestResource {

  static final int CONCURRENT = 2;
  private static final Set<String> FIELDS =
      Set.of("index", "definition", "from", "to", "initialCapital", "benchmarks");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IndexService indices;
  private final MarketContexts contexts;
  private final Semaphore running = new Semaphore(CONCURRENT);

  @Inject
  BacktestResource(IndexService indices, MarketContexts contexts) {
    this.indices = indices;
    this.contexts = contexts;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response run(@Context UriInfo uri, @Context HttpHeaders headers, String body) {
    Params.onlyKnown(uri);
    JsonNode request = parse(body);
    IndexDefinition definition = definition(request);
    LocalDate from = date(request, "from");
    LocalDate to = date(request, "to");
    BigDecimal capital = capital(request);
    boolean benchmarks = !request.has("benchmarks") || bool(request, "benchmarks");
    if (!running.tryAcquire()) {
      Response busy = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
          CONCURRENT + " backtests are running: try again in a few seconds", null).toResponse();
      return Response.fromResponse(busy).header(HttpHeaders.RETRY_AFTER, "5").build();
    }
    try {
      MarketContext ctx = contexts.latest().orElseThrow(() -> ProblemException.notFound(null,
          "no market data is stored yet"));
      LocalDate start = from == null ? ctx.panel().start() : from;
      LocalDate end = to == null ? ctx.panel().date(ctx.panel().days() - 1) : to;
      if (start.isAfter(end)) {
        throw ProblemException.badRequest("from", "from " + start + " is after to " + end);
      }
      BacktestResult result;
      try {
        result = Backtester.run(definition, ctx, start, end,
            new BacktestSettings(capital, indices.engineSettings(), benchmarks), Progress.NONE);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest(from != null ? "from" : "to", e.getMessage());
      }
      if (headers.getAcceptableMediaTypes().stream()
          .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType())) {
        return Response.ok(BacktestReport.html(result), MediaType.TEXT_HTML_TYPE).build();
      }
      return Response.ok(BacktestJson.write(result), MediaType.APPLICATION_JSON_TYPE).build();
    } finally {
      running.release();
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.badRequest("body", "the body must be a JSON object such as"
          + " {\"index\": \"top10-mcap\", \"from\": \"2022-01-01\", \"to\": \"2022-12-31\"}");
    }
    if (body.length() > IndexResource.MAX_DEFINITION_CHARS) {
      throw ProblemException.badRequest("body", "the body must be at most "
          + IndexResource.MAX_DEFINITION_CHARS + " characters, was " + body.length());
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("body", "the body is not valid JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (!(node instanceof ObjectNode)) {
      throw ProblemException.badRequest("body", "the body must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ProblemException.badRequest(name, "unknown field " + name + " (known: "
            + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
      }
    }
    return node;
  }

  private IndexDefinition definition(JsonNode request) {
    boolean byId = request.hasNonNull("index");
    boolean inline = request.hasNonNull("definition");
    if (byId == inline) {
      throw ProblemException.badRequest("index",
          "give either \"index\" (a stored index's id) or \"definition\" (an index definition)");
    }
    if (inline) {
      try {
        return IndexDefinitions.parse(request.get("definition").toString());
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("definition." + IndexResource.fieldOf(e.getMessage()),
            e.getMessage());
      }
    }
    if (!request.get("index").isTextual()) {
      throw ProblemException.badRequest("index", "index must be a string");
    }
    String id = request.get("index").asText();
    try {
      return indices.index(IndexId.of(id)).orElseThrow().definition();
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("index", "no index with id \""
          + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "\"");
    }
  }

  private static LocalDate date(JsonNode request, String field) {
    if (!request.hasNonNull(field)) {
      return null;
    }
    if (!request.get(field).isTextual()) {
      throw ProblemException.badRequest(field, field + " must be a date string YYYY-MM-DD");
    }
    return Params.date(field, request.get(field).asText(), null);
  }

  private static BigDecimal capital(JsonNode request) {
    if (!request.hasNonNull("initialCapital")) {
      return BacktestSettings.DEFAULT_CAPITAL;
    }
    JsonNode value = request.get("initialCapital");
    if (!value.isNumber() || value.decimalValue().compareTo(BigDecimal.ONE) < 0
        || value.decimalValue().compareTo(new BigDecimal("1e15")) > 0) {
      throw ProblemException.badRequest("initialCapital",
          "initialCapital must be a number of USD between 1 and 1e15, was " + value);
    }
    return value.decimalValue();
  }

  private static boolean bool(JsonNode request, String field) {
    if (!request.get(field).isBoolean()) {
      throw ProblemException.badRequest(field, field + " must be true or false");
    }
    return request.get(field).asBoolean();
  }
}
