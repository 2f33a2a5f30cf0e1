package dev.ballast.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** Liveness for load balancers, and the benchmark's baseline: no database, constant bytes. */
@Path("/v1/ping")
@PermitAll
public final class PingResource {

  static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
  static final String CACHE_CONTROL = "no-store";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Liveness: always {\"status\":\"ok\"} while the server takes requests")
  public Response ping() {
    return Response.ok(OK, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", CACHE_CONTROL)
        .build();
  }
}
