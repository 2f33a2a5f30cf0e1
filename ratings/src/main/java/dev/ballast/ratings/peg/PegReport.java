package dev.ballast.ratings.peg;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The peg histories of a set of stablecoins judged together (they are each other's consensus), in
 * the order the coins were given. Immutable and thread-safe.
 */
public final class PegReport {

  private final Map<AssetId, PegHistory> histories;
  private final PegThresholds thresholds;

  PegReport(List<PegHistory> histories, PegThresholds thresholds) {
    Map<AssetId, PegHistory> byId = new LinkedHashMap<>();
    for (PegHistory h : histories) {
      byId.put(h.assetId(), h);
    }
    this.histories = Collections.unmodifiableMap(byId);
    this.thresholds = thresholds;
  }

  public PegThresholds thresholds() {
    return thresholds;
  }

  public List<AssetId> assets() {
    return List.copyOf(histories.keySet());
  }

  /**
   * The history of one coin.
   *
   * @throws IllegalArgumentException if the coin was not assessed
   */
  public PegHistory history(AssetId asset) {
    PegHistory h = histories.get(Objects.requireNonNull(asset, "asset"));
    if (h == null) {
      throw new IllegalArgumentException(
          "no peg history of " + asset + "; assessed were " + histories.keySet());
    }
    return h;
  }

  /** One coin on one day, empty if it has no bar that day. */
  public Optional<PegHealth> on(AssetId asset, LocalDate date) {
    PegHistory h = history(asset);
    int i = h.indexOf(date);
    return i < 0 ? Optional.empty() : Optional.of(h.health(i));
  }

  /**
   * Each coin's most recent day at or before {@code date}; coins with no bar by then are left out.
   */
  public List<PegHealth> asOf(LocalDate date) {
    List<PegHealth> out = new ArrayList<>(histories.size());
    for (PegHistory h : histories.values()) {
      int i = h.indexOf(date);
      int last = i >= 0 ? i : -i - 2;
      if (last >= 0) {
        out.add(h.health(last));
      }
    }
    return out;
  }
}
