package dev.ballast.core.market.sim;

import static dev.ballast.core.market.sim.Shocks.clamp;
import static dev.ballast.core.market.sim.Shocks.normal;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.Collateral;
import dev.ballast.core.asset.StablecoinTerms;
import dev.ballast.core.price.PriceSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stablecoins: a fixed cast covering every {@link Collateral}, each holding its peg within a
 * small band, except for two scripted events modelled on the real UST collapse (May 2022) and USDC
 * depeg (March 2023). Prices are USD; the gold-backed coin's peg value in USD follows a simulated
 * gold price.
 */
final class StablecoinSimulator {

  /** How a stablecoin behaves. */
  enum Role {
    /** Fiat-backed, holds its peg throughout. */
    STEADY_FIAT(0.0008, 0.003, 0.004),
    /** Fiat-backed, loses its peg for a few days (scripted) and recovers. */
    DEPEGGING_FIAT(0.0008, 0.003, 0.004),
    /** Crypto-backed: noisier, and at a premium in crashes when borrowers buy it to repay. */
    CRYPTO(0.0015, 0.006, 0.009),
    /** Algorithmic: holds its peg until its scripted collapse, never after. */
    ALGORITHMIC(0.002, 0.008, 0.009),
    /** Gold-backed: holds its peg to the simulated gold price. */
    GOLD(0.001, 0.003, 0.004);

    /** Daily shock to the relative deviation from peg. */
    final double noise;

    /** Largest relative deviation of a close from peg: arbitrage keeps it inside. */
    final double maxCloseDeviation;

    /** Largest relative deviation of an intraday high or low from peg. */
    final double maxRangeDeviation;

    Role(double noise, double maxCloseDeviation, double maxRangeDeviation) {
      this.noise = noise;
      this.maxCloseDeviation = maxCloseDeviation;
      this.maxRangeDeviation = maxRangeDeviation;
    }
  }

  /**
   * One stablecoin. Supply grows at {@code annualGrowth} (log, per year) with small noise, which
   * makes the market cap big and steady; {@code turnover} is daily volume as a share of cap.
   */
  record Stablecoin(
      Asset asset, Role role, double startCap, double annualGrowth, double turnover) {}

  static final List<Stablecoin> STABLECOINS =
      List.of(
          stable(
              "SIMUSD",
              "Sim Dollar",
              "USD",
              Collateral.FIAT_BACKED,
              "Simulated Trust",
              Role.STEADY_FIAT,
              3e9,
              0.50,
              0.50),
          stable(
              "SIMCASH",
              "Sim Cash",
              "USD",
              Collateral.FIAT_BACKED,
              "Imaginary Payments Ltd",
              Role.DEPEGGING_FIAT,
              1e9,
              0.55,
              0.25),
          stable(
              "SIMPAY",
              "Sim Pay Dollar",
              "USD",
              Collateral.FIAT_BACKED,
              "Fictional Fintech Inc",
              Role.STEADY_FIAT,
              0.3e9,
              0.35,
              0.10),
          stable(
              "SIMVAULT",
              "Sim Vault Dollar",
              "USD",
              Collateral.CRYPTO_BACKED,
              "Simulated Vault DAO",
              Role.CRYPTO,
              0.1e9,
              0.55,
              0.08),
          stable(
              "SIMSAFE",
              "Sim Safe Dollar",
              "USD",
              Collateral.CRYPTO_BACKED,
              "Simulated Collateral Labs",
              Role.CRYPTO,
              0.05e9,
              0.40,
              0.05),
          stable(
              "SIMALGO",
              "Sim Algo Dollar",
              "USD",
              Collateral.ALGORITHMIC,
              "Simulated Algo Foundation",
              Role.ALGORITHMIC,
              0.2e9,
              1.30,
              0.10),
          stable(
              "SIMGOLD",
              "Sim Gold",
              "XAU",
              Collateral.COMMODITY_BACKED,
              "Simulated Bullion Vaults",
              Role.GOLD,
              0.1e9,
              0.30,
              0.03));

  /** Gold in USD per troy ounce on the first day, near its 2019 level. */
  static final double GOLD_START = 1300;

  /** Gold's drift (+8%/yr) and volatility (15%/yr), as daily log-return figures. */
  static final double GOLD_DRIFT = 0.08 / 365;

  static final double GOLD_VOL = 0.15 / StrictMath.sqrt(365);

  /** Day-to-day persistence of a deviation from peg: one-day half-life, as arbitrage acts. */
  static final double DEVIATION_PERSISTENCE = 0.6;

  /** Where crypto-backed coins trade in a crash: +0.3%, as DAI did in March 2020. */
  static final double CRASH_PREMIUM = 0.003;

  /** Log-normal dispersion of daily volume around its level; mean-preserving. */
  static final double VOLUME_NOISE = 0.3;

  /** Daily noise of log supply: mints and redemptions, not a trend. */
  static final double SUPPLY_NOISE = 0.003;

  /**
   * Where in the simulated range the scripted events fall: in the default range these are
   * 2022-05-07 and 2023-03-10, near the real UST and USDC events, and any range of at least two
   * years leaves months of aftermath after each.
   */
  static final double COLLAPSE_AT = 0.478;

  /** See {@link #COLLAPSE_AT}. */
  static final double DEPEG_AT = 0.598;

  /** The algorithmic collapse, day by day from its first day: close, intraday low, turnover. */
  private static final double[] COLLAPSE_CLOSE = {0.993, 0.985, 0.93, 0.75, 0.60, 0.35, 0.18, 0.10};

  private static final double[] COLLAPSE_LOW = {0.985, 0.96, 0.85, 0.62, 0.45, 0.22, 0.11, 0.07};
  private static final double[] COLLAPSE_TURNOVER = {0.3, 0.6, 1.5, 2.5, 3.0, 3.0, 2.0, 1.5};

  /** Price the dead coin decays toward, and how fast (days). */
  private static final double COLLAPSE_FLOOR = 0.01;

  private static final double COLLAPSE_DECAY_DAYS = 60;

  /** Share of supply left once holders have redeemed what they could, and how fast (days). */
  private static final double COLLAPSE_SUPPLY_LEFT = 0.25;

  private static final double COLLAPSE_REDEMPTION_DAYS = 15;

  /** The fiat depeg, day by day: close, intraday low, volume multiplier. */
  private static final double[] DEPEG_CLOSE = {0.965, 0.975, 0.990, 0.996, 0.998};

  private static final double[] DEPEG_LOW = {0.880, 0.920, 0.965, 0.985, 0.993};
  private static final double[] DEPEG_VOLUME = {6, 4, 2.5, 1.8, 1.3};

  /** Redemptions shrink supply by up to 12% in the weeks after a depeg; it returns in a year. */
  private static final double DEPEG_REDEMPTION = 0.12;

  private StablecoinSimulator() {}

  static int collapseDay(int days) {
    return (int) (COLLAPSE_AT * days);
  }

  static int depegDay(int days) {
    return (int) (DEPEG_AT * days);
  }

  static int collapseEnd(int days) {
    return collapseDay(days) + COLLAPSE_CLOSE.length - 1;
  }

  static int depegEnd(int days) {
    return depegDay(days) + DEPEG_CLOSE.length - 1;
  }

  static double[] goldPath(int days, SplittableRandom rng) {
    double[] gold = new double[days];
    double logGold = StrictMath.log(GOLD_START);
    for (int t = 0; t < days; t++) {
      logGold += GOLD_DRIFT + GOLD_VOL * normal(rng);
      gold[t] = StrictMath.exp(logGold);
    }
    return gold;
  }

  /** The USD value of one unit at par on each day: 1 for dollar pegs, gold for XAU. */
  static double[] pegInUsd(Stablecoin coin, double[] gold) {
    if (coin.role() == Role.GOLD) {
      return gold.clone();
    }
    double[] peg = new double[gold.length];
    Arrays.fill(peg, 1);
    return peg;
  }

  static PriceSeries simulate(
      Stablecoin coin,
      double[] pegUsd,
      Regime[] regimes,
      LocalDate[] calendar,
      SplittableRandom rng) {
    int days = pegUsd.length;
    Role role = coin.role();
    int collapse = collapseDay(days);
    int depeg = depegDay(days);
    PriceSeries.Builder series = PriceSeries.builder(coin.asset().id(), days);
    double deviation = 0;
    double logSupply = StrictMath.log(coin.startCap() / pegUsd[0]);
    double previousClose = pegUsd[0];
    for (int t = 0; t < days; t++) {
      double peg = pegUsd[t];
      double target = role == Role.CRYPTO && regimes[t] == Regime.CRASH ? CRASH_PREMIUM : 0;
      deviation =
          clamp(
              target + DEVIATION_PERSISTENCE * (deviation - target) + role.noise * normal(rng),
              -role.maxCloseDeviation,
              role.maxCloseDeviation);
      double open = t == 0 ? peg : previousClose;
      double close = peg * (1 + deviation);
      double rangeNoise = role.noise / 2; // intraday wobble beyond open and close
      double high =
          Math.min(
              Math.max(open, close) * (1 + rangeNoise * Math.abs(normal(rng))),
              peg * (1 + role.maxRangeDeviation));
      double low =
          Math.max(
              Math.min(open, close) * (1 - rangeNoise * Math.abs(normal(rng))),
              peg * (1 - role.maxRangeDeviation));
      double turnover =
          coin.turnover()
              * regimes[t].volumeFactor
              * StrictMath.exp(VOLUME_NOISE * normal(rng) - VOLUME_NOISE * VOLUME_NOISE / 2);
      boolean collapsed = role == Role.ALGORITHMIC && t >= collapse;
      if (!collapsed) {
        logSupply += coin.annualGrowth() / 365 + SUPPLY_NOISE * normal(rng);
      }
      double supply = StrictMath.exp(logSupply);

      if (collapsed) {
        int k = t - collapse;
        if (k < COLLAPSE_CLOSE.length) {
          close = COLLAPSE_CLOSE[k];
          low = COLLAPSE_LOW[k];
          high = Math.max(open, close) * (k < 2 ? 1.002 : 1.01); // failed rescues, short-lived
          turnover = COLLAPSE_TURNOVER[k];
        } else {
          int after = k - COLLAPSE_CLOSE.length + 1;
          double level =
              COLLAPSE_FLOOR
                  + (COLLAPSE_CLOSE[COLLAPSE_CLOSE.length - 1] - COLLAPSE_FLOOR)
                      * StrictMath.exp(-after / COLLAPSE_DECAY_DAYS);
          close = level * StrictMath.exp(0.08 * normal(rng)); // dead-cat noise, no trend back
          high = Math.max(open, close) * StrictMath.exp(0.05 * Math.abs(normal(rng)));
          low = Math.min(open, close) * StrictMath.exp(-0.05 * Math.abs(normal(rng)));
          turnover = 0.02 + 1.0 * StrictMath.exp(-after / 30.0);
        }
        supply *=
            COLLAPSE_SUPPLY_LEFT
                + (1 - COLLAPSE_SUPPLY_LEFT) * StrictMath.exp(-k / COLLAPSE_REDEMPTION_DAYS);
      } else if (role == Role.DEPEGGING_FIAT && t >= depeg) {
        int k = t - depeg;
        if (k < DEPEG_CLOSE.length) {
          close = DEPEG_CLOSE[k];
          low = DEPEG_LOW[k];
          high = Math.max(open, close) * 1.001;
          turnover *= DEPEG_VOLUME[k];
          deviation = close - 1; // the peg noise resumes from where the script leaves it
        }
        supply *=
            1 - DEPEG_REDEMPTION * (1 - StrictMath.exp(-k / 4.0)) * StrictMath.exp(-k / 365.0);
      }
      // Gold may gap overnight beyond the peg band, so the range must still contain the open.
      high = Math.max(high, Math.max(open, close));
      low = Math.min(low, Math.min(open, close));
      double cap = close * supply;
      series.add(calendar[t], open, high, low, close, cap * turnover, cap);
      previousClose = close;
    }
    return series.build();
  }

  private static Stablecoin stable(
      String symbol,
      String name,
      String pegCurrency,
      Collateral collateral,
      String issuer,
      Role role,
      double startCap,
      double annualGrowth,
      double turnover) {
    StablecoinTerms terms = new StablecoinTerms(pegCurrency, BigDecimal.ONE, collateral, issuer);
    Asset asset = Asset.stablecoin(new AssetId(symbol), name + " (simulated)", terms);
    return new Stablecoin(asset, role, startCap, annualGrowth, turnover);
  }
}
