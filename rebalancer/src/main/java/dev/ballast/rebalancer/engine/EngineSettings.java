package dev.ballast.rebalancer.engine;

import dev.ballast.rebalancer.regime.RegimeSettings;
import dev.ballast.rebalancer.sleeve.SleeveSettings;
import java.util.Objects;

/**
 * The engine's parameters beyond the index definition. Immutable and thread-safe.
 *
 * @param regime the overlay's rules; the {@link MarketContext}'s regime history must have been
 *     computed with exactly these ({@link IndexEngine#decide} checks, so that a decision never
 *     reports one set of rules while acting on another)
 * @param sleeve the stablecoin sleeve's rules
 */
public record EngineSettings(RegimeSettings regime, SleeveSettings sleeve) {

  public EngineSettings {
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(sleeve, "sleeve");
  }

  public static EngineSettings defaults() {
    return new EngineSettings(RegimeSettings.defaults(), SleeveSettings.defaults());
  }
}
