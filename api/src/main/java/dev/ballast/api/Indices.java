package dev.ballast.api;

import dev.ballast.rebalancer.engine.EngineSettings;

/** Turns the index configuration into the rebalance engine's settings. */
public final class Indices {

  private Indices() {}

  /**
   * The documented regime and sleeve defaults with the configured stablecoin fractions.
   *
   * @throws IllegalArgumentException if the fractions fall from RISK_ON to RISK_OFF
   */
  public static EngineSettings engineSettings(IndexSettings indices) {
    EngineSettings defaults = EngineSettings.defaults();
    return new EngineSettings(defaults.regime().withFractions(indices.getRiskOnStablecoins(),
        indices.getNeutralStablecoins(), indices.getRiskOffStablecoins()), defaults.sleeve());
  }
}
