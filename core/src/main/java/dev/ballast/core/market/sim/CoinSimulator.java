package dev.ballast.core.market.sim;

import static dev.ballast.core.market.sim.Shocks.clamp;
import static dev.ballast.core.market.sim.Shocks.normal;
import static dev.ballast.core.market.sim.Shocks.studentT;
import static dev.ballast.core.market.sim.Shocks.uniform;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.PriceSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Free-floating coins under a one-factor model: each day a coin's log return is its own drift, plus
 * beta times the market factor, plus its own Student-t noise. Rank 0 is the largest coin at the
 * start; higher ranks are smaller, more volatile and more sensitive to the market, as real small
 * caps are.
 */
final class CoinSimulator {

  /** Total coin market cap on the first day, in USD: roughly that of the real market in 2019. */
  static final double START_TOTAL_CAP = 130e9;

  /**
   * Zipf exponent of starting caps: cap ∝ 1 / (rank + 1)^1.45 gives the largest of 60 coins about
   * 42% of the total and a long tail, like Bitcoin's dominance.
   */
  static final double CAP_EXPONENT = 1.45;

  /** Share of coins that list after the first day, so that histories differ in length. */
  static final double LATE_LISTING_SHARE = 0.2;

  /** The largest coins are listed from the start, as the majors of a real market are. */
  static final int ALWAYS_LISTED_RANKS = 5;

  /** Days of the first listing, and fraction of the range by which every coin is listed. */
  static final int FIRST_LATE_LISTING_DAY = 60;

  static final double LAST_LATE_LISTING_FRACTION = 0.6;

  /** Idiosyncratic volatility is this much higher in a crash: everything gaps at once. */
  static final double CRASH_IDIO_MULTIPLIER = 1.5;

  /** Intraday excursion beyond open and close, in units of the day's volatility. */
  static final double RANGE_FACTOR = 0.6;

  /** Log-normal dispersion of daily volume around its level. */
  static final double VOLUME_NOISE = 0.4;

  /** Volume grows with the size of the day's move: +6% of volume per 1% move. */
  static final double VOLUME_MOVE_RESPONSE = 6;

  private CoinSimulator() {}

  /** The fixed traits of one coin. Daily units throughout. */
  record Coin(
      Asset asset,
      int listDay,
      double beta,
      double drift,
      double idioVol,
      double startPrice,
      double startSupply,
      double supplyGrowth,
      double turnover) {}

  static List<Coin> coins(int count, int days, SplittableRandom rng) {
    List<String> symbols = Tickers.symbols(count);
    double norm = 0;
    for (int rank = 0; rank < count; rank++) {
      norm += StrictMath.pow(rank + 1, -CAP_EXPONENT);
    }
    int[] listDays = listDays(count, days, rng.split());
    List<Coin> coins = new ArrayList<>(count);
    for (int rank = 0; rank < count; rank++) {
      double size = rank / (double) (count - 1); // 0 for the largest, 1 for the smallest
      double beta = clamp(0.8 + 0.5 * size + 0.15 * normal(rng), 0.6, 1.5);
      double idioVol = (0.015 + 0.025 * size) * uniform(rng, 0.8, 1.2);
      // The largest coin is the market's anchor and has no drift of its own. Others drift
      // -5%/yr ± 15%/yr against the market (most altcoins bleed, a few thrive); wider spreads
      // compound into a cap-weighted market that a handful of winners carry off. Minus half the
      // idiosyncratic variance, so that noise adds no expected growth to the price level.
      double annualDrift = rank == 0 ? 0 : clamp(-0.05 + 0.15 * normal(rng), -0.5, 0.5);
      double drift = annualDrift / 365 - idioVol * idioVol / 2;
      double startCap = START_TOTAL_CAP * StrictMath.pow(rank + 1, -CAP_EXPONENT) / norm;
      double startPrice = StrictMath.pow(10, uniform(rng, -2, 3));
      double supplyGrowth = uniform(rng, 0, 0.08) / 365; // 0-8% new coins a year
      double turnover = StrictMath.exp(uniform(rng, StrictMath.log(0.015), StrictMath.log(0.06)));
      AssetId id = new AssetId(symbols.get(rank));
      coins.add(
          new Coin(
              Asset.coin(id, Tickers.name(id.symbol())),
              listDays[rank],
              beta,
              drift,
              idioVol,
              startPrice,
              startCap / startPrice,
              supplyGrowth,
              turnover));
    }
    return List.copyOf(coins);
  }

  /** Day 0 for most coins; a later day for a random fifth of those outside the top ranks. */
  private static int[] listDays(int count, int days, SplittableRandom rng) {
    int[] listDays = new int[count];
    int candidates = count - ALWAYS_LISTED_RANKS;
    int[] ranks = new int[candidates];
    for (int i = 0; i < candidates; i++) {
      ranks[i] = ALWAYS_LISTED_RANKS + i;
    }
    int late = (int) Math.round(LATE_LISTING_SHARE * count);
    int lastDay = (int) (LAST_LATE_LISTING_FRACTION * days);
    for (int i = 0; i < late; i++) { // partial Fisher-Yates shuffle picks the late listers
      int j = i + rng.nextInt(candidates - i);
      int chosen = ranks[j];
      ranks[j] = ranks[i];
      ranks[i] = chosen;
      listDays[chosen] = FIRST_LATE_LISTING_DAY + rng.nextInt(lastDay - FIRST_LATE_LISTING_DAY);
    }
    return listDays;
  }

  /**
   * Simulates a coin over every day but emits bars only from its listing day, so a late coin enters
   * at a price and cap consistent with the market it missed.
   */
  static PriceSeries simulate(
      Coin coin, MarketFactor factor, LocalDate[] calendar, SplittableRandom rng) {
    int days = factor.days();
    PriceSeries.Builder series = PriceSeries.builder(coin.asset().id(), days - coin.listDay());
    double logPrice = StrictMath.log(coin.startPrice());
    for (int t = 0; t < days; t++) {
      Regime regime = factor.regimes()[t];
      double idioVol = coin.idioVol() * (regime == Regime.CRASH ? CRASH_IDIO_MULTIPLIER : 1);
      double logReturn = coin.drift() + coin.beta() * factor.returns()[t] + idioVol * studentT(rng);
      double dayVol =
          StrictMath.sqrt(
              square(coin.beta() * regime.vol) * factor.variance()[t] + square(idioVol));
      double open = StrictMath.exp(logPrice);
      logPrice += logReturn;
      double close = StrictMath.exp(logPrice);
      double high =
          Math.max(open, close) * StrictMath.exp(RANGE_FACTOR * dayVol * Math.abs(normal(rng)));
      double low =
          Math.min(open, close) * StrictMath.exp(-RANGE_FACTOR * dayVol * Math.abs(normal(rng)));
      double cap = close * coin.startSupply() * StrictMath.exp(coin.supplyGrowth() * t);
      double volume =
          cap
              * coin.turnover()
              * regime.volumeFactor
              * (1 + VOLUME_MOVE_RESPONSE * Math.abs(logReturn))
              * StrictMath.exp(VOLUME_NOISE * normal(rng) - VOLUME_NOISE * VOLUME_NOISE / 2);
      if (t >= coin.listDay()) {
        series.add(calendar[t], open, high, low, close, volume, cap);
      }
    }
    return series.build();
  }

  private static double square(double x) {
    return x * x;
  }
}
