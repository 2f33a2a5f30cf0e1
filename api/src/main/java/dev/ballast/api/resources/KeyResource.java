package dev.ballast.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.api.auth.ApiKey;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.ApiPrincipal;
import dev.ballast.api.auth.Role;
import dev.ballast.api.errors.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * API keys, for admins: make one (its key is in the answer, and nowhere else ever again), list
 * them (never with keys), revoke one. The same as the {@code create-key}, {@code list-keys} and
 * {@code revoke-key} commands.
 */
@Path("/v1/keys")
@RolesAllowed(Role.ADMIN_NAME)
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public final class KeyResource {

  private final ApiKeys keys;

  @Inject
  KeyResource(ApiKeys keys) {
    this.keys = keys;
  }

  /** The body of {@code POST /v1/keys}, for the API document; read as a tree to be strict. */
  @Schema(name = "NewKey")
  record NewKey(String name, @Schema(allowableValues = {"owner", "analyst", "admin"}) String role) {}

  /** A key as listed: no key material. */
  public record KeyView(long id, String name, String role, Instant createdAt, Instant revokedAt,
      Instant lastUsedAt) {
    static KeyView of(ApiKey k) {
      return new KeyView(k.id(), k.name(), k.role().id(), k.createdAt(), k.revokedAt(),
          k.lastUsedAt());
    }
  }

  /** A key just made, with its secret: shown this once. */
  public record CreatedKeyView(long id, String name, String role, Instant createdAt, String key) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make an API key; the answer holds the key, shown only this once")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewKey.class)))
  public Response create(@Context UriInfo uri, @Parameter(hidden = true) JsonNode body) {
    Params.onlyKnown(uri);
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest(null,
          "a JSON object {\"name\": ..., \"role\": \"owner|analyst|admin\"} is required");
    }
    // Strict: a misspelt or extra field is refused, not ignored.
    body.fieldNames().forEachRemaining(f -> {
      if (!f.equals("name") && !f.equals("role")) {
        throw ProblemException.badRequest(f, "unknown field \"" + (f.length() > 40
            ? f.substring(0, 40) + "..." : f) + "\"; a key has only name and role");
      }
    });
    String name;
    Role role;
    try {
      name = ApiKeys.checkName(text(body, "name"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("name", e.getMessage());
    }
    try {
      role = Role.parse(text(body, "role"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("role", e.getMessage());
    }
    ApiKeys.Created created = keys.create(name, role);
    ApiKey k = created.key();
    return Response.created(URI.create("/v1/keys/" + k.id()))
        .header("Cache-Control", "no-store")
        .entity(new CreatedKeyView(k.id(), k.name(), k.role().id(), k.createdAt(),
            created.secret()))
        .build();
  }

  @GET
  @Operation(summary = "Every key, active and revoked, by id; paged")
  public Page<KeyView> list(@Context UriInfo uri, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "limit", "cursor");
    int n = Paging.limit(limit);
    List<String> position = Paging.decode(cursor, "keys", 1);
    long after = position == null ? 0 : parseId("cursor", position.get(0));
    List<ApiKey> page = keys.page(after, n + 1);
    String next = page.size() > n
        ? Paging.encode("keys", List.of(Long.toString(page.get(n - 1).id()))) : null;
    return new Page<>(page.stream().limit(n).map(KeyView::of).toList(), next);
  }

  /** Who the caller's key says they are: any key may ask. */
  public record Me(long id, String name, String role) {}

  @GET
  @Path("/me")
  @RolesAllowed({Role.OWNER_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
  @Operation(summary = "The caller's own key: id, name and role (any key)")
  public Me me(@Context UriInfo uri, @Context SecurityContext security) {
    Params.onlyKnown(uri);
    ApiPrincipal principal = (ApiPrincipal) security.getUserPrincipal();
    return new Me(principal.keyId(), principal.name(), principal.role().id());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One key, without its secret")
  public KeyView one(@Context UriInfo uri, @PathParam("id") String id) {
    Params.onlyKnown(uri);
    long keyId = parseId("id", id);
    return keys.find(keyId).map(KeyView::of)
        .orElseThrow(() -> ProblemException.notFound("id", "no API key with id " + keyId));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke a key; revoking a revoked key changes nothing")
  public Response revoke(@Context UriInfo uri, @PathParam("id") String id) {
    Params.onlyKnown(uri);
    long keyId = parseId("id", id);
    keys.revoke(keyId)
        .orElseThrow(() -> ProblemException.notFound("id", "no API key with id " + keyId));
    return Response.noContent().build();
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ProblemException.badRequest(field, field + " must be a string");
    }
    return value.textValue();
  }

  private static long parseId(String field, String value) {
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest(field, field + " must be a positive whole number, was \""
        + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"");
  }
}
