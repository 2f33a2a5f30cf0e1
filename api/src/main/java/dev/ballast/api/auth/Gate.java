package dev.ballast.api.auth;

import dev.ballast.api.errors.Problem;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * Who may make a request: authenticates the {@value #HEADER} header, applies the rate limit and
 * checks the access of the endpoint asked for. A presented key must be valid everywhere (a typo
 * should not silently make a client anonymous), and a wrong key spends the client address's
 * anonymous allowance, so guessing is throttled too. Knows nothing of Jersey or servlets: the
 * {@link AuthFilter} applies it to resource methods, {@code FastPaths} to the requests it serves
 * itself. Thread-safe.
 */
public final class Gate {

  public static final String HEADER = "X-API-Key";

  /** Who may call an endpoint. */
  public enum Access {
    /** Anyone ({@code @PermitAll}): ping, the API documents. */
    PUBLIC,
    /** Anyone while market data is public, else any key: resources that name no role. */
    MARKET_DATA,
    /** A key of one of the roles named by {@code @RolesAllowed}. */
    ROLES
  }

  /**
   * The answer for one request: admitted (as {@code principal}, null for an anonymous client),
   * or refused with a problem and the headers to send with it.
   */
  public record Admission(ApiPrincipal principal, Problem refusal, Map<String, String> headers) {

    public boolean admitted() {
      return refusal == null;
    }

    static Admission of(ApiPrincipal principal) {
      return new Admission(principal, null, Map.of());
    }

    static Admission refused(Problem problem, Map<String, String> headers) {
      return new Admission(null, problem, headers);
    }
  }

  private final ApiKeys keys;
  private final RateLimiter limiter;
  private final boolean publicMarketData;

  public Gate(ApiKeys keys, AuthSettings settings) {
    this.keys = keys;
    this.limiter = new RateLimiter(settings.getRateLimits());
    this.publicMarketData = settings.isPublicMarketData();
  }

  /**
   * Decides one request.
   *
   * @param presented the {@value #HEADER} header, null if absent
   * @param address the client's address, the rate limit's key for anonymous requests
   * @param roles the roles admitted when {@code access} is {@link Access#ROLES}
   */
  public Admission admit(String presented, String address, Access access, Set<String> roles) {
    ApiPrincipal principal = null;
    if (presented != null) {
      principal = keys.authenticate(presented.strip()).orElse(null);
      if (principal == null) {
        long wait = limiter.acquire(null, address);
        return wait > 0 ? tooMany(wait, null) : unauthorized("the " + HEADER
            + " header does not hold a valid, active API key");
      }
    }
    long wait = limiter.acquire(principal, address);
    if (wait > 0) {
      return tooMany(wait, principal);
    }
    if (principal == null) {
      return access == Access.ROLES || (access == Access.MARKET_DATA && !publicMarketData)
          ? unauthorized("this endpoint needs an API key in the " + HEADER + " header")
          : Admission.of(null);
    }
    if (access == Access.ROLES && !roles.contains(principal.role().id())) {
      return Admission.refused(Problem.of(Response.Status.FORBIDDEN, "this endpoint is for the"
          + " role(s) " + String.join(", ", roles) + "; this key's role is "
          + principal.role().id(), HEADER), Map.of());
    }
    return Admission.of(principal);
  }

  private static Admission tooMany(long wait, ApiPrincipal principal) {
    return Admission.refused(Problem.of(Response.Status.TOO_MANY_REQUESTS,
        "rate limit exceeded for this " + (principal == null ? "client address" : "API key")
            + "; retry in " + wait + " s", null), Map.of("Retry-After", Long.toString(wait)));
  }

  private static Admission unauthorized(String detail) {
    return Admission.refused(Problem.of(Response.Status.UNAUTHORIZED, detail, HEADER),
        Map.of("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
  }
}
