package dev.ballast.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One Bucket4j token bucket per API key (by its role's limit) and per client IP for requests
 * without a key, kept in memory while in use. Thread-safe.
 */
final class RateLimiter {

  private final AuthSettings.RateLimits limits;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  RateLimiter(AuthSettings.RateLimits limits) {
    this.limits = limits;
  }

  /** Zero if the request may go ahead, else the whole seconds (at least 1) to wait. */
  long acquire(ApiPrincipal principal, String clientIp) {
    if (!limits.isEnabled()) {
      return 0;
    }
    String id = principal != null ? "key:" + principal.keyId() : "ip:" + clientIp;
    RateLimit limit = principal != null ? limits.of(principal.role()) : limits.getAnonymous();
    Bucket bucket = buckets.get(id, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.getBurst())
            .refillGreedy(limit.getPerSecond(), Duration.ofSeconds(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
  }
}
