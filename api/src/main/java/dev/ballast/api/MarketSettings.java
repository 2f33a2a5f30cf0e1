package dev.ballast.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where market data comes from. With {@code simulated: true} (the default) an empty database
 * is filled with the deterministic simulated market at start; a database that already holds
 * data, simulated or imported, is left alone. Set it to false for a database meant for real,
 * imported history.
 */
public class MarketSettings {

  private boolean simulated = true;
  private long seed = 42;

  @JsonProperty
  public boolean isSimulated() {
    return simulated;
  }

  @JsonProperty
  public void setSimulated(boolean simulated) {
    this.simulated = simulated;
  }

  /** The simulation's seed: the same seed gives the same market. */
  @JsonProperty
  public long getSeed() {
    return seed;
  }

  @JsonProperty
  public void setSeed(long seed) {
    this.seed = seed;
  }
}
