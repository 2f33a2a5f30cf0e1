package dev.ballast.rebalancer.store;

import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexId;
import java.time.Instant;
import java.util.Objects;

/** A definition as stored: whether it shipped with Ballast, and when it was written. Immutable. */
public record StoredIndex(
    IndexDefinition definition, boolean builtIn, Instant createdAt, Instant updatedAt) {

  public StoredIndex {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public IndexId id() {
    return definition.id();
  }
}
