package dev.ballast.api.cli;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ballast.api.auth.ApiKey;
import dev.ballast.api.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;

/** What the key commands share. */
final class KeyCommands {

  private KeyCommands() {}

  /** Keys on the command's database; a command checks no keys, so it caches none. */
  static ApiKeys keys(Jdbi jdbi) {
    return new ApiKeys(jdbi, Clock.systemUTC(), Duration.ZERO, Ticker.systemTicker());
  }

  static String describe(ApiKey key) {
    return String.format("%6d  %-24s %-8s %-20s %-20s %s", key.id(), key.name(), key.role().id(),
        time(key.createdAt()), key.revokedAt() == null ? "active" : "revoked " + time(key.revokedAt()),
        key.lastUsedAt() == null ? "never" : time(key.lastUsedAt()));
  }

  static String header() {
    return String.format("%6s  %-24s %-8s %-20s %-20s %s", "id", "name", "role", "created",
        "status", "last used");
  }

  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
