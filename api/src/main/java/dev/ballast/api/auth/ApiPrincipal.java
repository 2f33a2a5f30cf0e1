package dev.ballast.api.auth;

import java.security.Principal;

/**
 * Who made a request: the API key's id, name and role. Resources get it from {@code @Context
 * SecurityContext} ({@code getUserPrincipal()}, {@code isUserInRole("owner")}). Portfolios
 * belong to the name, so that a key can be rotated without losing them. Immutable.
 */
public record ApiPrincipal(long keyId, String name, Role role) implements Principal {

  @Override
  public String getName() {
    return name;
  }
}
