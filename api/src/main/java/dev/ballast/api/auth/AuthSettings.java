package dev.ballast.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * API keys and rate limits. With {@code publicMarketData: true} (the default) quotes, assets,
 * ratings, signals, stablecoins and the evaluation are open to anyone; with {@code false} they
 * need a key of any role. Endpoints that name roles always need a key of one of them.
 */
public class AuthSettings {

  private boolean publicMarketData = true;

  @NotNull @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration keyCacheTtl = Duration.seconds(30);

  @Valid @NotNull private RateLimits rateLimits = new RateLimits();

  @JsonProperty
  public boolean isPublicMarketData() {
    return publicMarketData;
  }

  @JsonProperty
  public void setPublicMarketData(boolean publicMarketData) {
    this.publicMarketData = publicMarketData;
  }

  /**
   * How long a checked key is remembered. Also the delay after which a key revoked by another
   * process (the CLI, another node) stops working here.
   */
  @JsonProperty
  public Duration getKeyCacheTtl() {
    return keyCacheTtl;
  }

  @JsonProperty
  public void setKeyCacheTtl(Duration keyCacheTtl) {
    this.keyCacheTtl = keyCacheTtl;
  }

  @JsonProperty
  public RateLimits getRateLimits() {
    return rateLimits;
  }

  @JsonProperty
  public void setRateLimits(RateLimits rateLimits) {
    this.rateLimits = rateLimits;
  }

  /**
   * Request rates per key, by role, and per client IP for requests without a key. Counted in
   * each process: behind a load balancer with N nodes a client may get up to N times as much.
   */
  public static class RateLimits {
    private boolean enabled = true;
    @Valid @NotNull private RateLimit anonymous = new RateLimit(50, 100);
    @Valid @NotNull private RateLimit owner = new RateLimit(50, 100);
    @Valid @NotNull private RateLimit analyst = new RateLimit(100, 200);
    @Valid @NotNull private RateLimit admin = new RateLimit(50, 100);

    @JsonProperty
    public boolean isEnabled() {
      return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    @JsonProperty
    public RateLimit getAnonymous() {
      return anonymous;
    }

    @JsonProperty
    public void setAnonymous(RateLimit anonymous) {
      this.anonymous = anonymous;
    }

    @JsonProperty
    public RateLimit getOwner() {
      return owner;
    }

    @JsonProperty
    public void setOwner(RateLimit owner) {
      this.owner = owner;
    }

    @JsonProperty
    public RateLimit getAnalyst() {
      return analyst;
    }

    @JsonProperty
    public void setAnalyst(RateLimit analyst) {
      this.analyst = analyst;
    }

    @JsonProperty
    public RateLimit getAdmin() {
      return admin;
    }

    @JsonProperty
    public void setAdmin(RateLimit admin) {
      this.admin = admin;
    }

    /** The limit of a role's keys. */
    public RateLimit of(Role role) {
      return switch (role) {
        case OWNER -> owner;
        case ANALYST -> analyst;
        case ADMIN -> admin;
      };
    }
  }
}
