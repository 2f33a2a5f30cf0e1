package dev.ballast.rebalancer.backtest;

import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.engine.MarketContext;
import dev.ballast.rebalancer.index.IndexDefinition;
import dev.ballast.rebalancer.index.IndexDefinitions;
import java.nio.charset.StandardCharsets;
import dev.ballast.rebalancer.order.RebalancePlan;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Scratch: prints hashes of full results, for before/after comparison. Not committed. */
class GoldenChecksumScratch {

  static String hash(BacktestResult r) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(BacktestJson.write(r).getBytes(StandardCharsets.UTF_8));
    for (BacktestResult.Series s : r.series()) {
      for (int i = 0; i < r.days(); i++) {
        md.update(Long.toString(Double.doubleToLongBits(s.value(i))).getBytes());
        md.update(Long.toString(Double.doubleToLongBits(s.stablecoinWeight(i))).getBytes());
      }
      md.update(s.metrics().toString().getBytes());
    }
    for (Decision d : r.rebalances()) {
      md.update(canonical(d).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  static String sweepHash(List<Backtester.SweepResult> rs) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (Backtester.SweepResult r : rs) {
      md.update((r.definition().id() + " " + r.metrics() + " " + r.rebalances()).getBytes());
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  @Test
  void print() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String which : new String[] {"real", "sim"}) {
      MarketContext ctx = which.equals("real") ? Contexts.realData() : Contexts.simulated();
      LocalDate end = ctx.panel().date(ctx.panel().days() - 1);
      for (IndexDefinition def : IndexDefinitions.builtIns()) {
        for (LocalDate[] range : new LocalDate[][] {
            {LocalDate.of(2019, 1, 1), end}, {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)}}) {
          BacktestResult r = Backtester.run(def, ctx, range[0], range[1],
              BacktestSettings.defaults(), Progress.NONE);
          out.append(which + " " + def.id() + " " + range[0] + " " + hash(r) + " final "
              + r.indexSeries().metrics().finalValue() + "\n");
        }
      }
      List<IndexDefinition> defs = new ArrayList<>();
      for (IndexDefinition d : SweepDefs.defs(200)) {
        defs.add(d);
      }
      out.append(which + " sweep200 " + sweepHash(Backtester.sweep(defs, ctx,
          LocalDate.of(2019, 1, 1), end, BacktestSettings.defaults())) + "\n");
    }
    System.out.print(out);
    java.nio.file.Files.writeString(java.nio.file.Path.of("/work/btspeed-scratch/golden-"
        + System.getProperty("golden.tag", "x") + ".txt"), out);
  }

  /** A decision in words that do not depend on hash order (Map.copyOf iterates by a salt). */
  static String canonical(Decision d) {
    RebalancePlan p = d.plan();
    return d.marketDay() + "|" + d.trigger() + "|" + d.reason() + "|" + d.regime() + "|"
        + d.evidence() + "|" + d.stablecoinFraction() + "|" + d.weightsBefore() + "|"
        + d.targetWeights() + "|" + p.orders() + "|" + new TreeMap<>(p.holdingsAfter()) + "|"
        + p.cashAfter() + "|" + p.feesPaid() + "|" + new TreeMap<>(p.weightsBefore()) + "|"
        + new TreeMap<>(p.weightsAfter()) + "|" + d.after() + "|" + d.notes();
  }
}
