package dev.ballast.core.store;

import dev.ballast.core.asset.AssetId;
import java.time.LocalDate;

/** How much history is stored for an asset: its first and last day and the number of bars. */
public record BarCoverage(AssetId asset, LocalDate firstDate, LocalDate lastDate, long bars) {}
