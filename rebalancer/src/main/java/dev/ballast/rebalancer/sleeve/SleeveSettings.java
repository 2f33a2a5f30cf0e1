package dev.ballast.rebalancer.sleeve;

/**
 * The rules of the stablecoin sleeve. Immutable and thread-safe.
 *
 * @param allowAlgorithmic whether algorithmic stablecoins may be held (false: their peg rests on
 *     confidence alone)
 * @param usdOnly hold only coins pegged to the US dollar (a gold token is not a dollar)
 * @param maxCoinWeight largest share (0..1] of the sleeve in one coin
 * @param maxIssuerWeight largest share (0..1] of the sleeve with one issuer
 * @param minMarketCap smallest market cap in USD on the day
 * @param minMedianVolume smallest median daily volume in USD over {@code volumeWindow} days
 * @param volumeWindow days of the median volume (≥ 1); at least half of them must have a volume
 */
public record SleeveSettings(
    boolean allowAlgorithmic,
    boolean usdOnly,
    double maxCoinWeight,
    double maxIssuerWeight,
    double minMarketCap,
    double minMedianVolume,
    int volumeWindow) {

  private static final SleeveSettings DEFAULTS =
      new SleeveSettings(false, true, 0.5, 0.5, 100e6, 1e6, 30);

  public SleeveSettings {
    if (!(maxCoinWeight > 0 && maxCoinWeight <= 1)) {
      throw new IllegalArgumentException("maxCoinWeight must be in (0, 1], was " + maxCoinWeight);
    }
    if (!(maxIssuerWeight > 0 && maxIssuerWeight <= 1)) {
      throw new IllegalArgumentException(
          "maxIssuerWeight must be in (0, 1], was " + maxIssuerWeight);
    }
    if (!(minMarketCap >= 0) || Double.isInfinite(minMarketCap)) {
      throw new IllegalArgumentException("minMarketCap must be >= 0 and finite, was " + minMarketCap);
    }
    if (!(minMedianVolume >= 0) || Double.isInfinite(minMedianVolume)) {
      throw new IllegalArgumentException(
          "minMedianVolume must be >= 0 and finite, was " + minMedianVolume);
    }
    if (volumeWindow < 1) {
      throw new IllegalArgumentException("volumeWindow must be at least 1, was " + volumeWindow);
    }
  }

  /** No algorithmic coins, USD only, 50% per coin and per issuer, $100M cap, $1M median volume. */
  public static SleeveSettings defaults() {
    return DEFAULTS;
  }

  public SleeveSettings withCaps(double coin, double issuer) {
    return new SleeveSettings(allowAlgorithmic, usdOnly, coin, issuer, minMarketCap,
        minMedianVolume, volumeWindow);
  }

  public SleeveSettings withAllowAlgorithmic(boolean allow) {
    return new SleeveSettings(allow, usdOnly, maxCoinWeight, maxIssuerWeight, minMarketCap,
        minMedianVolume, volumeWindow);
  }
}
