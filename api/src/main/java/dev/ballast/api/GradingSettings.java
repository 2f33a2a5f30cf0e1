package dev.ballast.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * When and how the market is graded. The daily job grades every day since the last graded one
 * (on a new database, the last {@code initialDays}); {@code ballast grade} backfills any range.
 * Weights left out keep their documented defaults (docs/methodology.md).
 */
public class GradingSettings {

  private boolean enabled = true;
  @NotBlank private String schedule = "0 30 0 * * ?";
  @Min(1) @Max(36_500) private int initialDays = 365;
  private Map<String, Double> traderWeights = Map.of();
  private Map<String, Double> investorWeights = Map.of();

  /** Whether the daily grading job runs in this process. */
  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** A Quartz cron expression, evaluated in UTC (default: 00:30 every day). */
  @JsonProperty
  public String getSchedule() {
    return schedule;
  }

  @JsonProperty
  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  @JsonProperty
  public int getInitialDays() {
    return initialDays;
  }

  @JsonProperty
  public void setInitialDays(int initialDays) {
    this.initialDays = initialDays;
  }

  /** Trader-grade factor weights by factor name, replacing the defaults of those named. */
  @JsonProperty
  public Map<String, Double> getTraderWeights() {
    return traderWeights;
  }

  @JsonProperty
  public void setTraderWeights(Map<String, Double> traderWeights) {
    this.traderWeights = traderWeights == null ? Map.of() : Map.copyOf(traderWeights);
  }

  /** Investor-grade factor weights by factor name, replacing the defaults of those named. */
  @JsonProperty
  public Map<String, Double> getInvestorWeights() {
    return investorWeights;
  }

  @JsonProperty
  public void setInvestorWeights(Map<String, Double> investorWeights) {
    this.investorWeights = investorWeights == null ? Map.of() : Map.copyOf(investorWeights);
  }
}
