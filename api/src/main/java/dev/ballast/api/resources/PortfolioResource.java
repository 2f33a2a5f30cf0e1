package dev.ballast.api.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ballast.api.auth.ApiPrincipal;
import dev.ballast.api.auth.Role;
import dev.ballast.api.errors.Problem;
import dev.ballast.api.errors.ProblemException;
import dev.ballast.api.idempotency.Idempotency;
import dev.ballast.api.resources.PortfolioViews.HistoryView;
import dev.ballast.api.resources.PortfolioViews.LedgerEntryView;
import dev.ballast.api.resources.PortfolioViews.Movement;
import dev.ballast.api.resources.PortfolioViews.NewPortfolio;
import dev.ballast.api.resources.PortfolioViews.PortfolioDetail;
import dev.ballast.api.resources.PortfolioViews.PortfolioSummary;
import dev.ballast.api.resources.PortfolioViews.RebalanceView;
import dev.ballast.api.resources.PortfolioViews.TargetRequest;
import dev.ballast.api.resources.PortfolioViews.TargetView;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.portfolio.CustomWeights;
import dev.ballast.core.portfolio.LedgerEntry;
import dev.ballast.core.portfolio.Portfolio;
import dev.ballast.core.portfolio.PortfolioId;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.portfolio.PortfolioException;
import dev.ballast.rebalancer.portfolio.PortfolioRebalance;
import dev.ballast.rebalancer.portfolio.PortfolioService;
import dev.ballast.rebalancer.portfolio.Target;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The owners' portfolios: create, list, value, rename, delete; deposits and withdrawals; the
 * daily history; the target; rebalances, previewed or filled on paper; their history. Owners
 * only, and each owner sees only their own portfolios: another owner's is a 404, as is one that
 * does not exist. State-changing POSTs take an {@value Idempotency#HEADER} header. See
 * docs/portfolios.md.
 */
@Path("/v1/portfolios")
@RolesAllowed(Role.OWNER_NAME)
@SecurityRequirement(name = "apiKey")
@Tag(name = "portfolios", description = "An owner's paper portfolios (owner keys only)")
@Produces(MediaType.APPLICATION_JSON)
public final class PortfolioResource {

  /** Reads numbers with a fraction as BigDecimal, never through a double. */
  private static final ObjectReader BODY = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .reader();
  private static final int MAX_BODY_CHARS = 64 * 1024;
  private static final int MAX_TEXT = 200;

  private final PortfolioService portfolios;
  private final Idempotency idempotency;

  @Inject
  PortfolioResource(PortfolioService portfolios, Idempotency idempotency) {
    this.portfolios = portfolios;
    this.idempotency = idempotency;
  }

  // ---- portfolios ----

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make an empty portfolio", description = "201 with the portfolio and its"
      + " Location. Takes an Idempotency-Key header.")
  @RequestBody(required = true,
      content = @Content(schema = @Schema(implementation = NewPortfolio.class)))
  public Response create(@Context UriInfo uri, @Context SecurityContext security,
      @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
          description = "at most 100 printable characters; a replay returns the first answer")
      @HeaderParam(Idempotency.HEADER) String key,
      @Parameter(hidden = true) String body) {
    Params.onlyKnown(uri);
    String owner = owner(security);
    JsonNode json = object(body, Set.of("name"));
    String name = name(json);
    return idempotent(owner, key, uri, "POST", body, () -> {
      Portfolio p = portfolios.create(owner, name);
      return Response.created(URI.create("/v1/portfolios/" + p.id()))
          .entity(PortfolioSummary.of(p)).build();
    });
  }

  @GET
  @Operation(summary = "The caller's portfolios, by id; paged")
  public Page<PortfolioSummary> list(@Context UriInfo uri, @Context SecurityContext security,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "limit", "cursor");
    String owner = owner(security);
    int n = Paging.limit(limit);
    List<String> position = Paging.decode(cursor, "portfolios", 1);
    long after = position == null ? 0 : cursorId(position.get(0));
    List<Portfolio> page = portfolios.list(owner, after, n + 1);
    String next = page.size() > n ? Paging.encode("portfolios",
        List.of(Long.toString(page.get(n - 1).id().value()))) : null;
    return new Page<>(page.stream().limit(n).map(PortfolioSummary::of).toList(), next);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A portfolio with its holdings, value and weights at the cached quotes")
  public PortfolioDetail get(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id) {
    Params.onlyKnown(uri);
    PortfolioId pid = id(id);
    return PortfolioDetail.of(portfolios.value(owner(security), pid)
        .orElseThrow(() -> notFound(pid)));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a portfolio")
  @RequestBody(required = true,
      content = @Content(schema = @Schema(implementation = NewPortfolio.class)))
  public PortfolioSummary rename(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id, @Parameter(hidden = true) String body) {
    Params.onlyKnown(uri);
    PortfolioId pid = id(id);
    String name = name(object(body, Set.of("name")));
    return call(() -> PortfolioSummary.of(portfolios.rename(owner(security), pid, name)));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a portfolio with its ledger, target and rebalances")
  public Response delete(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id) {
    Params.onlyKnown(uri);
    PortfolioId pid = id(id);
    if (!portfolios.delete(owner(security), pid)) {
      throw notFound(pid);
    }
    return Response.noContent().build();
  }

  // ---- deposits and withdrawals ----

  @POST
  @Path("/{id}/deposits")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Deposit a quantity of an asset, or USD cash",
      description = "201 with the ledger entry. Takes an Idempotency-Key header.")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Movement.class)))
  public Response deposit(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id,
      @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER)
      @HeaderParam(Idempotency.HEADER) String key,
      @Parameter(hidden = true) String body) {
    return move(uri, security, id, key, body, true);
  }

  @POST
  @Path("/{id}/withdrawals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Withdraw a quantity of an asset, or USD cash",
      description = "201 with the ledger entry; more than held is a 409 problem and changes"
          + " nothing. Takes an Idempotency-Key header.")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Movement.class)))
  public Response withdraw(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id,
      @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER)
      @HeaderParam(Idempotency.HEADER) String key,
      @Parameter(hidden = true) String body) {
    return move(uri, security, id, key, body, false);
  }

  private Response move(UriInfo uri, SecurityContext security, String id, String key,
      String body, boolean deposit) {
    Params.onlyKnown(uri);
    String owner = owner(security);
    PortfolioId pid = id(id);
    JsonNode json = object(body, Set.of("asset", "quantity", "cashUsd"));
    Optional<AssetId> asset;
    BigDecimal quantity;
    if (json.has("cashUsd")) {
      if (json.has("asset") || json.has("quantity")) {
        throw ProblemException.badRequest(json.has("asset") ? "asset" : "quantity",
            "give either asset and quantity, or cashUsd, not both");
      }
      asset = Optional.empty();
      quantity = decimal(json, "cashUsd");
    } else {
      if (!json.has("asset")) {
        throw ProblemException.badRequest("asset",
            "asset is required (with quantity), or give cashUsd");
      }
      asset = Optional.of(Params.symbol("asset", text(json, "asset")));
      quantity = decimal(json, "quantity");
    }
    String field = asset.isPresent() ? "quantity" : "cashUsd";
    try {
      dev.ballast.core.portfolio.Amounts.checkAmount(field, quantity);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(field, e.getMessage());
    }
    return idempotent(owner, key, uri, "POST", body, () -> {
      LedgerEntry entry = deposit ? portfolios.deposit(owner, pid, asset, quantity)
          : portfolios.withdraw(owner, pid, asset, quantity);
      return Response.status(Response.Status.CREATED).entity(LedgerEntryView.of(entry)).build();
    });
  }

  @GET
  @Path("/{id}/ledger")
  @Operation(summary = "Every change to the portfolio, oldest first; paged")
  public Page<LedgerEntryView> ledger(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "limit", "cursor");
    PortfolioId pid = id(id);
    String owner = owner(security);
    return Paging.byId("ledger " + pid, cursor, Paging.limit(limit), 0,
        (after, max) -> call(() -> portfolios.ledger(owner, pid, after, max)),
        LedgerEntry::id, LedgerEntryView::of);
  }

  // ---- history ----

  @GET
  @Path("/{id}/history")
  @Operation(summary = "Daily value at the stored closes, with a time-weighted index and"
      + " drawdown", description = "from defaults to the day the portfolio was made, to to the"
      + " newest stored close; at most 3660 days")
  public HistoryView history(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id,
      @Parameter(description = "YYYY-MM-DD") @QueryParam("from") String from,
      @Parameter(description = "YYYY-MM-DD") @QueryParam("to") String to) {
    Params.onlyKnown(uri, "from", "to");
    PortfolioId pid = id(id);
    Optional<java.time.LocalDate> start = Optional.ofNullable(Params.date("from", from, null));
    Optional<java.time.LocalDate> end = Optional.ofNullable(Params.date("to", to, null));
    if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
      throw ProblemException.badRequest("from", "from " + start.get() + " is after to "
          + end.get());
    }
    try {
      return HistoryView.of(call(() -> portfolios.history(owner(security), pid, start, end)));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("from", e.getMessage());
    }
  }

  // ---- target ----

  @PUT
  @Path("/{id}/target")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the target: none, follow an index, or custom weights",
      description = "An unknown index or symbol is a 422 problem. Following applies the index's"
          + " future rebalances; rebalance by hand to align at once.")
  @RequestBody(required = true,
      content = @Content(schema = @Schema(implementation = TargetRequest.class)))
  public TargetView target(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id, @Parameter(hidden = true) String body) {
    Params.onlyKnown(uri);
    PortfolioId pid = id(id);
    JsonNode json = object(body, Set.of("kind", "index", "weights"));
    String kind = text(json, "kind");
    if (kind == null) {
      throw ProblemException.badRequest("kind", "kind is required: none, follow or custom");
    }
    Target target = switch (kind) {
      case "none" -> {
        only(json, "kind");
        yield Target.NONE;
      }
      case "follow" -> {
        only(json, "kind", "index");
        String index = text(json, "index");
        if (index == null) {
          throw ProblemException.badRequest("index", "index is required to follow one");
        }
        try {
          yield new Target.Follow(IndexId.of(index));
        } catch (IllegalArgumentException e) {
          throw new ProblemException(Problem.of(Idempotency.Unprocessable.STATUS,
              "no index " + abbreviate(index) + " is defined", "index"));
        }
      }
      case "custom" -> {
        only(json, "kind", "weights");
        yield new Target.Custom(weights(json.get("weights")));
      }
      default -> throw ProblemException.badRequest("kind", "kind must be none, follow or"
          + " custom, was \"" + abbreviate(kind) + "\"");
    };
    return call(() -> TargetView.of(portfolios.setTarget(owner(security), pid, target)));
  }

  // ---- rebalancing ----

  @POST
  @Path("/{id}/rebalance")
  @Operation(summary = "Rebalance towards the target at the cached quotes",
      description = "With dryRun=true, the orders a rebalance would make and the quotes it"
          + " would use, each marked stale or not; nothing stored. Otherwise they are filled on"
          + " paper with their fees, all or nothing; 201 with the stored rebalance. A stale"
          + " quote (its source failed) refuses the fills: 409, field quotes, nothing changed."
          + " Takes an Idempotency-Key header.")
  public Response rebalance(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id,
      @Parameter(description = "true: preview only") @QueryParam("dryRun") String dryRun,
      @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER)
      @HeaderParam(Idempotency.HEADER) String key,
      @Parameter(hidden = true) String body) {
    Params.onlyKnown(uri, "dryRun");
    String owner = owner(security);
    PortfolioId pid = id(id);
    boolean preview = bool("dryRun", dryRun);
    if (body != null && !body.isBlank()) {
      throw ProblemException.badRequest("body", "a rebalance takes no body");
    }
    if (preview) {
      return Response.ok(call(() -> RebalanceView.preview(portfolios.preview(owner, pid))))
          .build();
    }
    return idempotent(owner, key, uri, "POST", body, () -> {
      PortfolioRebalance r = portfolios.rebalance(owner, pid);
      return Response.status(Response.Status.CREATED).entity(RebalanceView.of(r, false)).build();
    });
  }

  @GET
  @Path("/{id}/rebalances")
  @Operation(summary = "The portfolio's rebalances, newest first; paged")
  public Page<RebalanceView> rebalances(@Context UriInfo uri, @Context SecurityContext security,
      @PathParam("id") String id, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "limit", "cursor");
    PortfolioId pid = id(id);
    String owner = owner(security);
    return Paging.byId("rebalances " + pid, cursor, Paging.limit(limit), Long.MAX_VALUE,
        (before, max) -> call(() -> portfolios.rebalances(owner, pid, before, max)),
        PortfolioRebalance::id, r -> RebalanceView.of(r, false));
  }

  // ---- helpers ----

  private Response idempotent(String owner, String key, UriInfo uri, String method, String body,
      Supplier<Response> action) {
    String path = uri.getRequestUri().getRawPath()
        + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri()
            .getRawQuery());
    return idempotency.run(owner, key, method, path, body, () -> call(action));
  }

  /** Runs a service call, answering its refusals with problems. */
  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (PortfolioException e) {
      Response.StatusType status = switch (e.kind()) {
        case NOT_FOUND -> Response.Status.NOT_FOUND;
        case UNPROCESSABLE -> Idempotency.Unprocessable.STATUS;
        case CONFLICT, STALE_QUOTES -> Response.Status.CONFLICT;
        case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
      };
      // A stale quote passes when its source recovers: not the request's lasting result.
      throw new ProblemException(Problem.of(status, e.getMessage(), e.field()),
          e.kind() == PortfolioException.Kind.STALE_QUOTES);
    }
  }

  private static ProblemException notFound(PortfolioId id) {
    return ProblemException.notFound("id", "no portfolio with id " + id);
  }

  private static String owner(SecurityContext security) {
    return ((ApiPrincipal) security.getUserPrincipal()).name();
  }

  private static PortfolioId id(String text) {
    try {
      return PortfolioId.parse(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("id", e.getMessage());
    }
  }

  private static long cursorId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("cursor", "cursor is not one this query gave out");
    }
  }

  private static boolean bool(String field, String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.badRequest(field, field + " must be true or false, was \""
        + abbreviate(value) + "\"");
  }

  /** The body as a JSON object with only the given fields: strict, a typo is refused. */
  private static JsonNode object(String body, Set<String> fields) {
    if (body == null || body.isBlank()) {
      throw ProblemException.badRequest("body", "a JSON object is required");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw ProblemException.badRequest("body", "the body is larger than "
          + MAX_BODY_CHARS + " characters");
    }
    JsonNode json;
    try {
      json = BODY.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("body", "malformed JSON: " + abbreviate(
          e.getOriginalMessage()));
    }
    if (json == null || !json.isObject()) {
      throw ProblemException.badRequest("body", "a JSON object is required");
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw ProblemException.badRequest(abbreviate(f), "unknown field \"" + abbreviate(f)
            + "\"; this body takes " + String.join(", ", new java.util.TreeSet<>(fields)));
      }
    }
    return json;
  }

  private static void only(JsonNode json, String... fields) {
    Set<String> allowed = Set.of(fields);
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw ProblemException.badRequest(f, f + " does not go with kind "
            + json.get("kind").asText());
      }
    }
  }

  private static String name(JsonNode json) {
    String name = text(json, "name");
    try {
      return Portfolio.checkName(name);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("name", e.getMessage());
    }
  }

  /** A string field, null when absent or null; a field of another type is a 400. */
  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ProblemException.badRequest(field, field + " must be a string");
    }
    if (value.textValue().length() > MAX_TEXT) {
      throw ProblemException.badRequest(field, field + " must be at most " + MAX_TEXT
          + " characters, was " + value.textValue().length());
    }
    return value.textValue();
  }

  /** A decimal given as a JSON number or a string of one. */
  private static BigDecimal decimal(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw ProblemException.badRequest(field, field + " is required");
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual() && value.textValue().length() <= 100) {
      try {
        return new BigDecimal(value.textValue().strip());
      } catch (NumberFormatException e) {
        // answered below
      }
    }
    throw ProblemException.badRequest(field, field + " must be a decimal number, as a JSON"
        + " number or string, such as \"0.5\"");
  }

  private static CustomWeights weights(JsonNode json) {
    if (json == null || json.isNull()) {
      throw ProblemException.badRequest("weights", "weights are required for kind custom");
    }
    if (!json.isObject()) {
      throw ProblemException.badRequest("weights",
          "weights must be an object of symbol to weight, such as {\"BTC\": 0.6, \"ETH\": 0.4}");
    }
    if (json.size() > CustomWeights.MAX_ENTRIES) {
      throw ProblemException.badRequest("weights", "weights may name at most "
          + CustomWeights.MAX_ENTRIES + " assets, was " + json.size());
    }
    Map<AssetId, Double> weights = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "weights." + abbreviate(e.getKey());
      AssetId asset = Params.symbol(field, e.getKey());
      if (!e.getValue().isNumber()) {
        throw ProblemException.badRequest(field, field + " must be a number in [0,1]");
      }
      if (weights.put(asset, e.getValue().doubleValue()) != null) {
        throw ProblemException.badRequest(field, "weights name " + asset + " twice");
      }
    }
    try {
      return new CustomWeights(weights);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("weights", e.getMessage());
    }
  }

  private static String abbreviate(String value) {
    if (value == null) {
      return "";
    }
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
