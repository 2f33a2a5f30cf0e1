package dev.ballast.api.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key, without the key: its id, name, role and history. Immutable.
 *
 * @param revokedAt when it was revoked, or null while it is active
 * @param lastUsedAt when it was last seen in a request, or null; updated at most once per key
 *     cache period (see {@link ApiKeys})
 */
public record ApiKey(long id, String name, Role role, Instant createdAt, Instant revokedAt,
    Instant lastUsedAt) {

  public ApiKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean active() {
    return revokedAt == null;
  }
}
