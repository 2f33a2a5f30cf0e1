package dev.ballast.api.auth;

import dev.ballast.api.errors.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * Authenticates a request by its {@value #HEADER} header, applies the rate limit, and admits it
 * to one resource method by that method's {@link Access}. A presented key must be valid
 * everywhere (a typo should not silently make a client anonymous). Installed per method by
 * {@link AuthFeature}.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {

  static final String HEADER = "X-API-Key";

  /** Who may call a resource method. */
  enum Access {
    /** Anyone ({@code @PermitAll}): ping, the API documents. */
    PUBLIC,
    /** Anyone while market data is public, else any key: resources that name no role. */
    MARKET_DATA,
    /** A key of one of the roles named by {@code @RolesAllowed}. */
    ROLES
  }

  private final ApiKeys keys;
  private final RateLimiter limiter;
  private final Access access;
  private final Set<String> roles;
  private final boolean publicMarketData;

  AuthFilter(ApiKeys keys, RateLimiter limiter, Access access, Set<String> roles,
      boolean publicMarketData) {
    this.keys = keys;
    this.limiter = limiter;
    this.access = access;
    this.roles = roles;
    this.publicMarketData = publicMarketData;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String presented = request.getHeaderString(HEADER);
    ApiPrincipal principal = null;
    if (presented != null) {
      principal = keys.authenticate(presented.strip()).orElse(null);
      if (principal == null) {
        request.abortWith(unauthorized("the " + HEADER + " header does not hold a valid, active"
            + " API key"));
        return;
      }
    }
    long wait = limiter.acquire(principal,
        String.valueOf(request.getProperty(ClientAddressFilter.ATTRIBUTE)));
    if (wait > 0) {
      request.abortWith(Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
              "rate limit exceeded for this " + (principal == null ? "client address" : "API key")
                  + "; retry in " + wait + " s", null).toResponse())
          .header("Retry-After", Long.toString(wait)).build());
      return;
    }
    if (principal == null) {
      if (access == Access.ROLES || (access == Access.MARKET_DATA && !publicMarketData)) {
        request.abortWith(unauthorized("this endpoint needs an API key in the " + HEADER
            + " header"));
      }
      return;
    }
    if (access == Access.ROLES && !roles.contains(principal.role().id())) {
      request.abortWith(Problem.of(Response.Status.FORBIDDEN, "this endpoint is for the role(s) "
          + String.join(", ", roles) + "; this key's role is " + principal.role().id(),
          HEADER).toResponse());
      return;
    }
    request.setSecurityContext(new KeySecurityContext(principal,
        request.getSecurityContext().isSecure()));
  }

  private static Response unauthorized(String detail) {
    return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail, HEADER)
        .toResponse()).header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"").build();
  }

  /** The key behind a request, for {@code @Context SecurityContext}. */
  private record KeySecurityContext(ApiPrincipal principal, boolean secure)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal.role().id().equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return HEADER;
    }
  }
}
