package dev.ballast.api.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Set;

/**
 * Applies the {@link Gate} to one resource method, with that method's {@link Gate.Access}:
 * aborts refused requests with the gate's problem, and hands admitted keys to the resource as
 * its {@code SecurityContext}. Installed per method by {@link AuthFeature}.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {

  /**
   * The most of a refused request's body that is read and dropped, so that the client's
   * keep-alive connection survives the refusal; a larger body closes the connection instead.
   */
  static final int DRAIN_LIMIT = 64 * 1024;

  private final Gate gate;
  private final Gate.Access access;
  private final Set<String> roles;

  AuthFilter(Gate gate, Gate.Access access, Set<String> roles) {
    this.gate = gate;
    this.access = access;
    this.roles = roles;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Gate.Admission admission = gate.admit(request.getHeaderString(Gate.HEADER),
        String.valueOf(request.getProperty(ClientAddressFilter.ATTRIBUTE)), access, roles);
    if (!admission.admitted()) {
      drain(request);
      Response.ResponseBuilder refusal = Response.fromResponse(admission.refusal().toResponse());
      admission.headers().forEach(refusal::header);
      request.abortWith(refusal.build());
      return;
    }
    if (admission.principal() != null) {
      request.setSecurityContext(new KeySecurityContext(admission.principal(),
          request.getSecurityContext().isSecure()));
    }
  }

  /**
   * Reads and drops up to {@link #DRAIN_LIMIT} bytes of the body: an aborted request's unread
   * body would make the server close the connection, and the client's next request on it fail.
   */
  private static void drain(ContainerRequestContext request) {
    if (!request.hasEntity()) {
      return;
    }
    InputStream body = request.getEntityStream();
    byte[] buffer = new byte[8192];
    try {
      for (int left = DRAIN_LIMIT, n; left > 0
          && (n = body.read(buffer, 0, Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      // The client went away or sent a broken body: the connection closes either way, and the
      // refusal stands.
    }
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
      return Gate.HEADER;
    }
  }
}
