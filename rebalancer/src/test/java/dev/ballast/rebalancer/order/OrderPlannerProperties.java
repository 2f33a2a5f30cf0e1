package dev.ballast.rebalancer.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.asset.AssetId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OrderPlannerProperties {

  /** A random portfolio and targets over up to 8 assets; some targets 0, some holdings 0. */
  record Case(
      Map<AssetId, BigDecimal> holdings,
      Map<AssetId, BigDecimal> prices,
      BigDecimal cash,
      Map<AssetId, Double> targets) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> n = Arbitraries.integers().between(1, 8);
    return n.flatMap(count -> {
      Arbitrary<List<BigDecimal>> quantities =
          Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000"))
              .ofScale(6).list().ofSize(count);
      Arbitrary<List<BigDecimal>> prices =
          Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000"))
              .ofScale(4).list().ofSize(count);
      Arbitrary<List<Double>> raw =
          // About one target in four is 0 (a removed member): negatives clamp to 0.
          Arbitraries.doubles().between(-3, 10).map(x -> Math.max(0, x)).list().ofSize(count);
      Arbitrary<BigDecimal> cash =
          Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("1000000"))
              .ofScale(2);
      return Combinators.combine(quantities, prices, raw, cash).as((q, p, r, c) -> {
        Map<AssetId, BigDecimal> h = new HashMap<>();
        Map<AssetId, BigDecimal> px = new HashMap<>();
        Map<AssetId, Double> t = new HashMap<>();
        double sum = r.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < count; i++) {
          AssetId id = AssetId.of("A" + i);
          h.put(id, q.get(i));
          px.put(id, p.get(i));
          t.put(id, sum == 0 ? 0.0 : r.get(i) / sum);
        }
        return new Case(h, px, c, t);
      });
    });
  }

  @Provide
  Arbitrary<Double> bands() {
    return Arbitraries.of(0.0, 0.005, 0.02, 0.1);
  }

  @Provide
  Arbitrary<Double> fees() {
    return Arbitraries.of(0.0, 1.0, 10.0, 25.5, 100.0);
  }

  @Provide
  Arbitrary<BigDecimal> minTrades() {
    return Arbitraries.of(BigDecimal.ZERO, new BigDecimal("10"), new BigDecimal("5000"));
  }

  @Property(tries = 300)
  void conservesValueNeverGoesNegativeAndChargesTheStatedFee(
      @ForAll("cases") Case c,
      @ForAll("bands") double band,
      @ForAll("minTrades") BigDecimal minTrade,
      @ForAll("fees") double feeBps) {
    RebalancePlan plan =
        OrderPlanner.plan(c.holdings(), c.prices(), c.cash(), c.targets(), band, minTrade, feeBps);

    assertThat(value(plan.holdingsAfter(), c.prices(), plan.cashAfter()).add(plan.feesPaid()))
        .isEqualByComparingTo(value(c.holdings(), c.prices(), c.cash()));
    assertThat(plan.cashAfter().signum()).isGreaterThanOrEqualTo(0);
    plan.holdingsAfter().values().forEach(q -> assertThat(q.signum()).isPositive());

    BigDecimal rate = BigDecimal.valueOf(feeBps).movePointLeft(4);
    BigDecimal fees = BigDecimal.ZERO;
    for (Order o : plan.orders()) {
      assertThat(o.notionalUsd()).isEqualByComparingTo(o.quantity().multiply(o.price()));
      assertThat(o.feeUsd()).isEqualByComparingTo(o.notionalUsd().multiply(rate));
      assertThat(o.notionalUsd()).isGreaterThanOrEqualTo(minTrade);
      fees = fees.add(o.feeUsd());
    }
    assertThat(plan.feesPaid()).isEqualByComparingTo(fees);

    // Sells come before buys.
    boolean buying = false;
    for (Order o : plan.orders()) {
      buying |= o.side() == Side.BUY;
      assertThat(buying && o.side() == Side.SELL).isFalse();
    }

    // A member within its band is not traded.
    for (AssetId a : c.holdings().keySet()) {
      double target = c.targets().get(a);
      if (target > 0 && Math.abs(plan.weightsBefore().get(a) - target) <= band) {
        assertThat(plan.holdingsAfter().getOrDefault(a, BigDecimal.ZERO))
            .isEqualByComparingTo(c.holdings().get(a));
        assertThat(plan.orders()).noneMatch(o -> o.asset().equals(a));
      }
    }
  }

  @Property(tries = 300)
  void withoutBandMinimumOrFeeTheWeightsReachTheTargets(@ForAll("cases") Case c) {
    RebalancePlan plan =
        OrderPlanner.plan(c.holdings(), c.prices(), c.cash(), c.targets(), 0, BigDecimal.ZERO, 0);
    for (AssetId a : c.targets().keySet()) {
      assertThat(plan.weightsAfter().get(a)).isCloseTo(c.targets().get(a), within(1e-9));
    }
    assertThat(plan.feesPaid()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Example
  void removedMemberIsSoldInFullAndBuysAreScaledToTheCash() {
    AssetId btc = AssetId.of("BTC");
    AssetId eth = AssetId.of("ETH");
    AssetId sol = AssetId.of("SOL");
    RebalancePlan plan =
        OrderPlanner.plan(
            Map.of(btc, new BigDecimal("1"), sol, new BigDecimal("10")),
            Map.of(btc, new BigDecimal("900"), eth, new BigDecimal("100"),
                sol, new BigDecimal("10")),
            BigDecimal.ZERO,
            Map.of(btc, 0.5, eth, 0.5),
            0.01,
            BigDecimal.ONE,
            100);
    // Value 1000: sell all SOL (100) and 400 USD of BTC (quantity rounded down, so a hair less),
    // fees 1% = 5; the remaining 495 buys ETH and its fee, scaled down to fit.
    assertThat(plan.holdingsAfter()).doesNotContainKey(sol);
    assertThat(plan.holdingsAfter().get(btc)).isEqualByComparingTo("0.555555555556");
    assertThat(plan.cashAfter().signum()).isGreaterThanOrEqualTo(0);
    assertThat(plan.cashAfter()).isLessThan(new BigDecimal("0.000001"));
    assertThat(plan.orders()).extracting(Order::side)
        .containsExactly(Side.SELL, Side.SELL, Side.BUY);
  }

  /**
   * A portfolio as the engine holds one (quantities at 12 decimals, prices made from doubles)
   * and targets near its weights: on, just inside and just outside the band, dust positions to
   * remove, assets only targeted. The pre-check's hard cases.
   */
  record NearCase(double[] quantities, double[] prices, double[] targets, double cash,
      double band, double minTrade, double feeBps) {

    Map<AssetId, BigDecimal> holdings() {
      Map<AssetId, BigDecimal> h = new HashMap<>();
      for (int k = 0; k < quantities.length; k++) {
        if (quantities[k] > 0) {
          h.put(id(k), new BigDecimal(quantities[k]).setScale(12, RoundingMode.DOWN));
        }
      }
      return h;
    }

    Map<AssetId, BigDecimal> bigPrices() {
      Map<AssetId, BigDecimal> p = new HashMap<>();
      for (int k = 0; k < prices.length; k++) {
        p.put(id(k), BigDecimal.valueOf(prices[k]));
      }
      return p;
    }

    Map<AssetId, Double> targetMap() {
      Map<AssetId, Double> t = new HashMap<>();
      for (int k = 0; k < targets.length; k++) {
        if (targets[k] > 0 || quantities[k] == 0) {
          t.put(id(k), targets[k]);
        }
      }
      return t;
    }

    static AssetId id(int k) {
      return AssetId.of("A" + k);
    }
  }

  static NearCase nearCase(Random random) {
    int n = 1 + random.nextInt(12);
    double band = new double[] {0, 0.005, 0.02, 0.05}[random.nextInt(4)];
    double minTrade = new double[] {0, 10, 1000}[random.nextInt(3)];
    double[] q = new double[n];
    double[] p = new double[n];
    double[] t = new double[n];
    double cash = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 200_000;
    double value = cash;
    for (int k = 0; k < n; k++) {
      p[k] = Math.exp(random.nextGaussian() * 5); // 1e-5 .. 1e5 dollars
      boolean held = random.nextInt(6) != 0;
      boolean dust = held && random.nextInt(8) == 0;
      double usd = dust ? random.nextDouble() * 2 * minTrade : random.nextDouble() * 300_000;
      // Through the 12-decimal quantity the engine would hold.
      q[k] = held ? new BigDecimal(usd / p[k]).setScale(12, RoundingMode.DOWN).doubleValue() : 0;
      value += q[k] * p[k];
    }
    for (int k = 0; k < n; k++) {
      double w = value == 0 ? 0 : q[k] * p[k] / value;
      double edge = band * (random.nextBoolean() ? 1 : -1);
      double noise = switch (random.nextInt(7)) {
        case 0 -> 0;
        case 1 -> edge * (1 - 1e-7);
        case 2 -> edge * (1 + 1e-7);
        case 3 -> edge;
        case 4 -> (random.nextDouble() - 0.5) * 4 * band;
        case 5 -> -w; // remove it
        default -> minTrade / Math.max(value, 1) * (random.nextDouble() - 0.5) * 2.2;
      };
      t[k] = Math.min(1, Math.max(0, w + noise));
    }
    return new NearCase(q, p, t, cash, band, minTrade, new double[] {0, 10, 25}[random.nextInt(3)]);
  }

  @Property(tries = 3000)
  void thePreCheckSaysNothingToTradeOnlyWhenThePlanTradesNothing(@ForAll long seed) {
    // Most near cases do trade; draw from the seed until the pre-check says one does not
    // (instead of Assume, whose ~86% rejections exceed jqwik's discard limit on some seeds).
    Random random = new Random(seed);
    NearCase c = nearCase(random);
    int draws = 1;
    while (!OrderPlanner.certainlyNothingToTrade(c.quantities(), c.prices(), c.targets(),
        c.quantities().length, c.cash(), c.band(), c.minTrade(), c.feeBps())) {
      assertThat(++draws).as("a case with nothing to trade within 1,000 draws").isLessThan(1000);
      c = nearCase(random);
    }
    Map<AssetId, BigDecimal> holdings = c.holdings();
    BigDecimal cash = BigDecimal.valueOf(c.cash());
    RebalancePlan plan = OrderPlanner.plan(holdings, c.bigPrices(), cash, c.targetMap(),
        c.band(), BigDecimal.valueOf(c.minTrade()), c.feeBps());
    assertThat(plan.orders()).isEmpty();
    assertThat(plan.holdingsAfter()).isEqualTo(holdings);
    assertThat(plan.cashAfter()).isEqualTo(cash);
    assertThat(plan.feesPaid().signum()).isZero();
    assertThat(plan.weightsAfter()).isEqualTo(plan.weightsBefore());
  }

  /** Not vacuous: it recognises most portfolios that trade nothing. */
  @Example
  void thePreCheckRecognisesMostPortfoliosThatTradeNothing() {
    Random random = new Random(7);
    int empty = 0;
    int recognised = 0;
    for (int i = 0; i < 10_000; i++) {
      NearCase c = nearCase(random);
      boolean nothing = OrderPlanner.certainlyNothingToTrade(c.quantities(), c.prices(),
          c.targets(), c.quantities().length, c.cash(), c.band(), c.minTrade(), c.feeBps());
      RebalancePlan plan;
      try {
        plan = OrderPlanner.plan(c.holdings(), c.bigPrices(), BigDecimal.valueOf(c.cash()),
            c.targetMap(), c.band(), BigDecimal.valueOf(c.minTrade()), c.feeBps());
      } catch (IllegalArgumentException rejected) {
        assertThat(nothing).as("case %d: plan rejects it", i).isFalse();
        continue;
      }
      if (nothing) {
        assertThat(plan.orders()).as("case %d", i).isEmpty();
        recognised++;
      }
      if (plan.orders().isEmpty()) {
        empty++;
      }
    }
    assertThat(empty).isGreaterThan(1_000);
    assertThat(recognised).isGreaterThan(empty * 3 / 4);
  }

  private static BigDecimal value(
      Map<AssetId, BigDecimal> q, Map<AssetId, BigDecimal> p, BigDecimal cash) {
    BigDecimal v = cash;
    for (Map.Entry<AssetId, BigDecimal> e : q.entrySet()) {
      v = v.add(e.getValue().multiply(p.get(e.getKey())));
    }
    return v;
  }
}
