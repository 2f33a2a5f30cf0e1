package dev.ballast.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A token bucket: {@code perSecond} requests a second on average, with bursts of up to {@code
 * burst} after a quiet spell.
 */
public class RateLimit {

  @Min(1) @Max(1_000_000_000) private long perSecond;
  @Min(1) @Max(1_000_000_000) private long burst;

  public RateLimit() {}

  public RateLimit(long perSecond, long burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  @JsonProperty
  public long getPerSecond() {
    return perSecond;
  }

  @JsonProperty
  public void setPerSecond(long perSecond) {
    this.perSecond = perSecond;
  }

  @JsonProperty
  public long getBurst() {
    return burst;
  }

  @JsonProperty
  public void setBurst(long burst) {
    this.burst = burst;
  }
}
