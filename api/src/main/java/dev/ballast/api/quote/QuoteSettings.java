package dev.ballast.api.quote;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The quote cache. A cached quote is served as it is until {@code refreshAfter}; the first
 * request after that still gets it at once while the source is asked again in the background.
 * After {@code expireAfter} without a successful load the entry is dropped, and the next request
 * waits for the source (or, if the source fails, gets the last known quote marked stale).
 */
public class QuoteSettings {

  @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration refreshAfter = Duration.seconds(30);

  @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration expireAfter = Duration.minutes(10);

  @Min(1) @Max(10_000_000) private long maximumSize = 10_000;

  @Min(1) @Max(500) private int maxSymbols = 100;

  private boolean fastPath = true;

  /** Age after which a cached quote is reloaded in the background (also the max-age sent). */
  @JsonProperty
  public Duration getRefreshAfter() {
    return refreshAfter;
  }

  @JsonProperty
  public void setRefreshAfter(Duration refreshAfter) {
    this.refreshAfter = refreshAfter;
  }

  /** Age after which a cached quote is dropped: the hard limit. */
  @JsonProperty
  public Duration getExpireAfter() {
    return expireAfter;
  }

  @JsonProperty
  public void setExpireAfter(Duration expireAfter) {
    this.expireAfter = expireAfter;
  }

  /** How many symbols the cache holds at most (least recently and frequently used go first). */
  @JsonProperty
  public long getMaximumSize() {
    return maximumSize;
  }

  @JsonProperty
  public void setMaximumSize(long maximumSize) {
    this.maximumSize = maximumSize;
  }

  /** How many symbols one {@code GET /v1/quotes?symbols=} may ask for. */
  @JsonProperty
  public int getMaxSymbols() {
    return maxSymbols;
  }

  @JsonProperty
  public void setMaxSymbols(int maxSymbols) {
    this.maxSymbols = maxSymbols;
  }

  /**
   * Whether {@code GET /v1/quotes/{symbol}} and {@code GET /v1/ping} are answered by a servlet
   * filter in front of Jersey (the same answers for about half the CPU); false sends them
   * through Jersey like every other request.
   */
  @JsonProperty
  public boolean isFastPath() {
    return fastPath;
  }

  @JsonProperty
  public void setFastPath(boolean fastPath) {
    this.fastPath = fastPath;
  }

  @JsonIgnore
  @ValidationMethod(message = "quotes.expireAfter must be longer than quotes.refreshAfter")
  public boolean isExpiryAfterRefresh() {
    return refreshAfter == null || expireAfter == null
        || expireAfter.toNanoseconds() > refreshAfter.toNanoseconds();
  }
}
