package dev.ballast.api.resources;

import dev.ballast.api.errors.Problem;
import dev.ballast.api.errors.ProblemException;
import dev.ballast.api.resources.IndexViews.IndexDetail;
import dev.ballast.api.resources.IndexViews.IndexSummary;
import dev.ballast.api.resources.IndexViews.RebalanceView;
import dev.ballast.api.schedule.Scheduling;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.index.IndexId;
import dev.ballast.rebalancer.schedule.IndexHoldings;
import dev.ballast.rebalancer.schedule.IndexPerformance;
import dev.ballast.rebalancer.schedule.IndexService;
import dev.ballast.rebalancer.store.StoredIndex;
import dev.ballast.rebalancer.store.StoredRebalance;
import dev.ballast.api.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The indices: their definitions (read as market data, written by admins), their live track
 * record (holdings on a day, daily performance, every rebalance with its evidence) and manual
 * rebalances (admins). Definitions are accepted as JSON or YAML, validated with the same rules as files.
 */
@Path("/v1/indices")
@Produces(MediaType.APPLICATION_JSON)
public final class IndexResource {

  /** Larger bodies are not index definitions. */
  static final int MAX_DEFINITION_CHARS = 64 * 1024;

  private final IndexService indices;
  private final Scheduling scheduling;
  private final Clock clock;

  @Inject
  IndexResource(IndexService indices, Scheduling scheduling, Clock clock) {
    this.indices = indices;
    this.scheduling = scheduling;
    this.clock = clock;
  }

  @GET
  public Page<IndexSummary> list(@Context UriInfo uri) {
    Params.onlyKnown(uri);
    return new Page<>(indices.indices().stream()
        .map(i -> IndexSummary.of(i, indices.latestRebalance(i.id()), clock.instant()))
        .toList(), null);
  }

  @GET
  @Path("/{id}")
  public IndexDetail get(@Context UriInfo uri, @PathParam("id") String id) {
    Params.onlyKnown(uri);
    StoredIndex index = find(id);
    return IndexDetail.of(index, indices.latestRebalance(index.id()), clock.instant());
  }

  @RolesAllowed(Role.ADMIN_NAME)
  @POST
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml",
      MediaType.TEXT_PLAIN})
  public Response create(@Context UriInfo uri, String body) {
    Params.onlyKnown(uri);
    IndexDefinition definition = definition(body);
    if (indices.index(definition.id()).isPresent()) {
      throw new ProblemException(Problem.of(Response.Status.CONFLICT, "index " + definition.id()
          + " already exists: PUT /v1/indices/" + definition.id() + " replaces it", "id"));
    }
    StoredIndex stored = indices.define(definition, false);
    scheduling.syncIndices();
    return Response.created(URI.create("/v1/indices/" + stored.id()))
        .entity(IndexDetail.of(stored, Optional.empty(), clock.instant())).build();
  }

  @RolesAllowed(Role.ADMIN_NAME)
  @PUT
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml",
      MediaType.TEXT_PLAIN})
  public IndexDetail replace(@Context UriInfo uri, @PathParam("id") String id, String body) {
    Params.onlyKnown(uri);
    StoredIndex existing = find(id);
    IndexDefinition definition = definition(body);
    if (!definition.id().equals(existing.id())) {
      throw ProblemException.badRequest("id", "the definition's id " + definition.id()
          + " differs from the path's " + existing.id());
    }
    StoredIndex stored = indices.define(definition, true);
    scheduling.syncIndices();
    return IndexDetail.of(stored, indices.latestRebalance(stored.id()), clock.instant());
  }

  @RolesAllowed(Role.ADMIN_NAME)
  @DELETE
  @Path("/{id}")
  public Response delete(@Context UriInfo uri, @PathParam("id") String id) {
    Params.onlyKnown(uri);
    indices.delete(find(id).id());
    scheduling.syncIndices();
    return Response.noContent().build();
  }

  /** A manual rebalance, now, at the newest stored prices. */
  @RolesAllowed(Role.ADMIN_NAME)
  @POST
  @Path("/{id}/rebalance")
  public RebalanceView rebalance(@Context UriInfo uri, @PathParam("id") String id,
      @QueryParam("reason") String reason) {
    Params.onlyKnown(uri, "reason");
    if (reason != null && reason.length() > 200) {
      throw ProblemException.badRequest("reason", "reason must be at most 200 characters, was "
          + reason.length());
    }
    IndexService.Outcome outcome = indices.manual(find(id).id(), reason);
    if (outcome instanceof IndexService.Executed executed) {
      return RebalanceView.of(executed.rebalance());
    }
    String why = outcome instanceof IndexService.Skipped skipped ? skipped.reason() : "not run";
    throw new ProblemException(Problem.of(Response.Status.CONFLICT,
        "index " + id + " was not rebalanced: " + why, null));
  }

  @GET
  @Path("/{id}/holdings")
  public IndexHoldings holdings(@Context UriInfo uri, @PathParam("id") String id,
      @QueryParam("date") String date) {
    Params.onlyKnown(uri, "date");
    IndexId index = find(id).id();
    Optional<LocalDate> day = Optional.ofNullable(date == null ? null
        : Params.date("date", date, null));
    try {
      return indices.holdings(index, day).orElseThrow(() -> ProblemException.notFound("date",
          "index " + index + " held nothing " + day.map(d -> "on " + d).orElse("yet")
              + ": it had not rebalanced by then"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("date", e.getMessage());
    }
  }

  @GET
  @Path("/{id}/performance")
  public IndexPerformance performance(@Context UriInfo uri, @PathParam("id") String id,
      @QueryParam("from") String from, @QueryParam("to") String to) {
    Params.onlyKnown(uri, "from", "to");
    IndexId index = find(id).id();
    Params.DateRange range = Params.range(from, to);
    return indices.performance(index, range.from(), range.to()).orElseThrow(
        () -> ProblemException.notFound(null, "no market data is stored yet"));
  }

  @GET
  @Path("/{id}/rebalances")
  public Page<RebalanceView> rebalances(@Context UriInfo uri, @PathParam("id") String id,
      @QueryParam("limit") String limitText, @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "limit", "cursor");
    IndexId index = find(id).id();
    return Paging.byId("rebalances|" + index, cursor, Paging.limit(limitText), Long.MAX_VALUE,
        (before, max) -> indices.rebalances(index, before, max),
        StoredRebalance::id, RebalanceView::of);
  }

  private StoredIndex find(String id) {
    IndexId index;
    try {
      index = IndexId.of(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("id", "no index with id \"" + abbreviate(id) + "\"");
    }
    return indices.index(index).orElseThrow(
        () -> ProblemException.notFound("id", "no index with id " + index));
  }

  private static IndexDefinition definition(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.badRequest("definition", "the body must be an index definition"
          + " (JSON or YAML); see GET /v1/indices/top10-mcap for an example");
    }
    if (body.length() > MAX_DEFINITION_CHARS) {
      throw ProblemException.badRequest("definition", "an index definition must be at most "
          + MAX_DEFINITION_CHARS + " characters, was " + body.length());
    }
    try {
      return IndexDefinitions.parse(body);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(fieldOf(e.getMessage()), e.getMessage());
    }
  }

  /**
   * The field a definition error names: its messages read "invalid index definition: caps.otherCap
   * must ..." or "... unknown field universe.foo"; anything else (malformed text) is the body's.
   */
  static String fieldOf(String message) {
    String prefix = "invalid index definition: ";
    if (message == null || !message.startsWith(prefix)) {
      return "definition";
    }
    String rest = message.substring(prefix.length());
    if (rest.startsWith("unknown field ")) {
      rest = rest.substring("unknown field ".length());
    }
    int end = 0;
    while (end < rest.length()
        && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '.')) {
      end++;
    }
    // Field paths are camelCase; a capitalised word starts Jackson's own prose.
    return end == 0 || !Character.isLowerCase(rest.charAt(0)) ? "definition"
        : rest.substring(0, end);
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
