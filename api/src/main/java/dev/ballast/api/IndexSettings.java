package dev.ballast.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The live indices: whether this process schedules their rebalances, when the daily check
 * (missed rebalances, depegged stablecoins, regime changes) runs, the notional value an index
 * starts with, and the regime overlay's stablecoin fractions. Documented in
 * docs/index-methodology.md and docs/regime-overlay.md.
 */
public class IndexSettings {

  private boolean enabled = true;
  @NotBlank private String checkSchedule = "0 45 0 * * ?";

  @NotNull
  @DecimalMin("1000")
  @DecimalMax("1000000000000")
  private BigDecimal initialValueUsd = new BigDecimal("1000000");

  @DecimalMin("0") @DecimalMax("1") private double riskOnStablecoins = 0;
  @DecimalMin("0") @DecimalMax("1") private double neutralStablecoins = 0.5;
  @DecimalMin("0") @DecimalMax("1") private double riskOffStablecoins = 1;

  /** Whether this process schedules index rebalances and the daily check. */
  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** A Quartz cron expression in UTC (default: 00:45 every day, after the grading job). */
  @JsonProperty
  public String getCheckSchedule() {
    return checkSchedule;
  }

  @JsonProperty
  public void setCheckSchedule(String checkSchedule) {
    this.checkSchedule = checkSchedule;
  }

  /** What a new index holds, in USD cash, before its first rebalance. */
  @JsonProperty
  public BigDecimal getInitialValueUsd() {
    return initialValueUsd;
  }

  @JsonProperty
  public void setInitialValueUsd(BigDecimal initialValueUsd) {
    this.initialValueUsd = initialValueUsd;
  }

  @JsonProperty
  public double getRiskOnStablecoins() {
    return riskOnStablecoins;
  }

  @JsonProperty
  public void setRiskOnStablecoins(double riskOnStablecoins) {
    this.riskOnStablecoins = riskOnStablecoins;
  }

  @JsonProperty
  public double getNeutralStablecoins() {
    return neutralStablecoins;
  }

  @JsonProperty
  public void setNeutralStablecoins(double neutralStablecoins) {
    this.neutralStablecoins = neutralStablecoins;
  }

  @JsonProperty
  public double getRiskOffStablecoins() {
    return riskOffStablecoins;
  }

  @JsonProperty
  public void setRiskOffStablecoins(double riskOffStablecoins) {
    this.riskOffStablecoins = riskOffStablecoins;
  }
}
