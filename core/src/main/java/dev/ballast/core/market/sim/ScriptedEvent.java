package dev.ballast.core.market.sim;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something the simulation does on purpose rather than by chance, such as a stablecoin losing its
 * peg, so that documentation, tests and the UI can point at it. Immutable and thread-safe.
 *
 * @param start the first day the asset behaves abnormally
 * @param end the last day of the event proper (inclusive); any aftermath is in the description
 */
public record ScriptedEvent(AssetId asset, LocalDate start, LocalDate end, String description) {

  public ScriptedEvent {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "event of " + asset + " ends " + end + ", before it starts " + start);
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("event of " + asset + " needs a description");
    }
  }

  /** Whether {@code date} lies in the event, both ends included. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }
}
