package dev.ballast.api.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an API key may do. Owners manage their own portfolios; analysts read ratings, indices
 * and quotes; admins manage indices and keys. Roles do not nest: an endpoint names every role it
 * admits ({@code @RolesAllowed}), and public market data, when it is keyed, admits any key.
 */
public enum Role {
  OWNER,
  ANALYST,
  ADMIN;

  /** The names {@code @RolesAllowed} takes. */
  public static final String OWNER_NAME = "owner";
  public static final String ANALYST_NAME = "analyst";
  public static final String ADMIN_NAME = "admin";

  /** The role's name in requests, configuration and the database: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a role name in any case. */
  public static Role parse(String text) {
    if (text != null) {
      for (Role role : values()) {
        if (role.id().equalsIgnoreCase(text.strip())) {
          return role;
        }
      }
    }
    throw new IllegalArgumentException("role must be one of "
        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")) + ", was "
        + (text == null ? "nothing" : "\"" + (text.length() > 40 ? text.substring(0, 40) + "..."
            : text) + "\""));
  }
}
