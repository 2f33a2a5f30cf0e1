package dev.ballast.rebalancer.sleeve;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.peg.PegHealth;
import dev.ballast.ratings.peg.PegReport;
import dev.ballast.ratings.peg.PegStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a held stablecoin has depegged, so that the index must rotate out of it before its next
 * scheduled rebalance. Only DEPEG triggers: WATCH is noise often enough that rotating on it would
 * cost fees for nothing. A held coin the report did not assess, or without a bar that day, raises
 * nothing here. It does not weigh how much is held: the engine's {@code OffCycle}, which live
 * indices and backtests decide with, first passes over dust below the index's minimum trade.
 * Stateless.
 */
public final class DepegWatch {

  private DepegWatch() {}

  /** The reason for an off-cycle rebalance on {@code day}, empty when every held coin is fine. */
  public static Optional<String> offCycleNeeded(Set<AssetId> held, PegReport pegs, LocalDate day) {
    Set<AssetId> assessed = Set.copyOf(pegs.assets());
    StringBuilder reason = new StringBuilder();
    for (AssetId id : new TreeSet<>(held)) {
      if (!assessed.contains(id)) {
        continue;
      }
      Optional<PegHealth> h = pegs.on(id, day);
      if (h.isPresent() && h.get().status() == PegStatus.DEPEG) {
        reason.append(reason.isEmpty() ? "" : "; ").append(id).append(" is DEPEG on ")
            .append(day).append(": ").append(String.join(", ", h.get().reasons()));
      }
    }
    return reason.isEmpty() ? Optional.empty() : Optional.of(reason.toString());
  }
}
