package dev.ballast.rebalancer.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.AssetId;
import dev.ballast.ratings.peg.PegStatus;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.EngineSettings;
import dev.ballast.rebalancer.engine.Holdings;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.engine.Trigger;
import dev.ballast.rebalancer.index.IndexDefinitions;
import dev.ballast.rebalancer.order.Side;
import dev.ballast.rebalancer.regime.Breadth;
import dev.ballast.rebalancer.regime.RegimeDetector;
import dev.ballast.rebalancer.regime.RegimeSettings;
import dev.ballast.rebalancer.sleeve.SleeveSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in indices on the simulated market, whose bear, collapse and depeg are scripted. */
class SimulatedMarketBacktestTest {

  private static final AssetId SIMALGO = AssetId.of("SIMALGO");
  private static final AssetId SIMCASH = AssetId.of("SIMCASH");
  private static MarketContext ctx;
  private static BacktestResult whole;

  @BeforeAll
  static void run() {
    ctx = Contexts.simulated();
    whole = Backtester.run(IndexDefinitions.builtIn("top10-mcap"), ctx,
        LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31), BacktestSettings.defaults(),
        Progress.NONE);
    print(whole);
  }

  @Test
  void theOverlayHoldsStablecoinsInThe2022BearAndFallsLess() {
    int from = (int) (LocalDate.of(2022, 1, 1).toEpochDay() - whole.from().toEpochDay());
    double share = 0;
    for (int i = from; i < from + 365; i++) {
      share += whole.indexSeries().stablecoinWeight(i) / 365;
    }
    assertThat(share).isGreaterThan(0.5);

    BacktestResult y2022 = Backtester.run(IndexDefinitions.builtIn("top10-mcap"), ctx,
        LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), BacktestSettings.defaults(),
        Progress.NONE);
    print(y2022);
    double overlay = y2022.indexSeries().metrics().maxDrawdown();
    double plain = y2022.series("top10-mcap-no-overlay").orElseThrow().metrics().maxDrawdown();
    assertThat(overlay).isLessThan(plain);
    assertThat(plain).isGreaterThan(0.3); // the bear is there to be avoided
  }

  @Test
  void neverHoldsTheCollapsedAlgorithmicCoinNorADepeggedOne() {
    int simcash = ctx.panel().indexOf(SIMCASH);
    int depegDays = 0;
    int heldCashDays = 0;
    List<Decision> decisions = whole.rebalances();
    int next = 0;
    Holdings holdings = null;
    for (int i = 0; i < whole.days(); i++) {
      LocalDate day = whole.from().plusDays(i);
      while (next < decisions.size() && !decisions.get(next).marketDay().isAfter(day)) {
        holdings = decisions.get(next++).after();
      }
      assertThat(holdings.quantities()).as(day.toString()).doesNotContainKey(SIMALGO);
      heldCashDays += holdings.quantities().containsKey(SIMCASH) ? 1 : 0;
      if (ctx.precomputed().pegStatus(simcash, ctx.panel().dayOf(day)) == PegStatus.DEPEG) {
        depegDays++;
        assertThat(holdings.quantities()).as(day.toString()).doesNotContainKey(SIMCASH);
      }
    }
    assertThat(depegDays).isPositive();
    assertThat(heldCashDays).isPositive(); // held in calm times: the test above means something
  }

  @Test
  void aHeldStablecoinThatDepegsIsSoldOffCycleAtThatClose() {
    // top10-mcap was RISK_ON, out of stablecoins, when SIMCASH depegged in March 2023. An overlay
    // that keeps at least half in stablecoins holds it: same grades, regimes recomputed.
    RegimeSettings halfAtLeast = RegimeSettings.defaults().withFractions(0.5, 0.5, 1);
    MarketContext half = new MarketContext(ctx.panel(), ctx.traderGrades(),
        ctx.investorGrades(), ctx.pegs(),
        RegimeDetector.detect(ctx.panel(), Breadth.aboveOwnAverage(ctx.panel(), 50), halfAtLeast),
        ctx.stablecoins());
    BacktestSettings settings = new BacktestSettings(BacktestSettings.DEFAULT_CAPITAL,
        new EngineSettings(halfAtLeast, SleeveSettings.defaults()), false);
    BacktestResult r = Backtester.run(IndexDefinitions.builtIn("top10-mcap"), half,
        LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), settings, Progress.NONE);
    Decision off = r.rebalances().stream()
        .filter(d -> d.reason().contains("SIMCASH is DEPEG")).findFirst().orElseThrow();
    assertThat(off.trigger()).isEqualTo(Trigger.OFF_CYCLE);
    assertThat(off.weightsBefore()).containsKey(SIMCASH);
    assertThat(off.after().quantities()).doesNotContainKey(SIMCASH);
    assertThat(off.plan().orders()).anyMatch(o -> o.asset().equals(SIMCASH)
        && o.side() == Side.SELL);
    int day = ctx.panel().dayOf(off.marketDay());
    assertThat(ctx.precomputed().pegStatus(ctx.panel().indexOf(SIMCASH), day))
        .isEqualTo(PegStatus.DEPEG);
    assertThat(ctx.precomputed().pegStatus(ctx.panel().indexOf(SIMCASH), day - 1))
        .isNotEqualTo(PegStatus.DEPEG);
  }

  @Test
  void regimeChangesRebalanceOffCycleAndEveryIndexRuns() {
    assertThat(whole.rebalances()).anyMatch(d -> d.trigger() == Trigger.OFF_CYCLE
        && d.reason().startsWith("regime "));
    assertThat(whole.warnings()).anyMatch(w -> w.startsWith("simulated market"))
        .anyMatch(w -> w.startsWith("no BTC"));
    for (var def : IndexDefinitions.builtIns()) {
      BacktestResult r = Backtester.run(def, ctx, LocalDate.of(2019, 1, 1),
          LocalDate.of(2025, 12, 31), BacktestSettings.defaults(), Progress.NONE);
      assertThat(r.indexSeries().metrics().finalValue()).isPositive();
      assertThat(r.series()).hasSize(def.regimeOverlay() ? 2 : 1);
    }
  }

  static void print(BacktestResult r) {
    for (BacktestResult.Series s : r.series()) {
      Metrics m = s.metrics();
      System.out.printf(Locale.ROOT,
          "%s %s..%s %-28s total %8.1f%% cagr %6.1f%% maxDD %5.1f%% vol %5.1f%% sharpe %5.2f"
              + " turnover %5.2f fees %9.0f stable %4.1f%%%n",
          r.index(), m.start(), m.end(), s.name(), 100 * m.totalReturn(), 100 * m.cagr(),
          100 * m.maxDrawdown(), 100 * m.volatility(), m.sharpe(), m.turnover(), m.feesPaid(),
          100 * m.timeInStablecoins());
    }
  }
}
