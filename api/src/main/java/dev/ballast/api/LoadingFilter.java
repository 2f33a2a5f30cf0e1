package dev.ballast.api;

import dev.ballast.api.errors.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/** Answers API requests with 503 and Retry-After while the first market data is loading. */
final class LoadingFilter implements ContainerRequestFilter {

  private final SimulatedMarketLoader loader;

  LoadingFilter(SimulatedMarketLoader loader) {
    this.loader = loader;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (loader.isLoading() && needsMarketData(request.getUriInfo().getPath())) {
      Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
          "the simulated market is being loaded into the new database; retry in a few seconds",
          null).toResponse();
      request.abortWith(Response.fromResponse(problem).header("Retry-After", "5").build());
    }
  }

  /** Liveness, the API documents and key management work while the market loads. */
  private static boolean needsMarketData(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.startsWith("v1/") && !p.equals("v1/ping") && !p.startsWith("v1/keys");
  }
}
