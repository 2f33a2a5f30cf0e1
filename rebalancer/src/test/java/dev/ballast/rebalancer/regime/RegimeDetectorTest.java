package dev.ballast.rebalancer.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.rebalancer.regime.Panels.Phase;
import dev.ballast.ratings.grade.MarketPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {

  private static final RegimeSettings S = RegimeSettings.defaults();

  private static RegimeHistory detect(MarketPanel panel) {
    return RegimeDetector.detect(panel, Breadth.aboveOwnAverage(panel, 50), S);
  }

  @Test
  void aSteadyBullIsRiskOn() {
    RegimeHistory h = detect(Panels.market(1, 12, new Phase(700, 0.003, 0.02)));
    assertThat(share(h, Regime.RISK_ON, 300, h.days())).isGreaterThan(0.7);
    assertThat(share(h, Regime.RISK_OFF, 0, h.days())).isZero();
    assertThat(h.stablecoinFraction(h.days() - 1)).isZero();
  }

  @Test
  void aCrashWithAVolSpikeAndFallingAveragesIsRiskOff() {
    RegimeHistory h = detect(Panels.market(2, 12,
        new Phase(500, 0.002, 0.02), new Phase(10, -0.06, 0.06), new Phase(200, -0.004, 0.035)));
    int crashEnd = 510;
    RegimeEvidence atCrash = h.evidence(crashEnd);
    assertThat(atCrash.volVote()).isEqualTo(-1);
    assertThat(atCrash.breadthVote()).isEqualTo(-1);
    assertThat(share(h, Regime.RISK_OFF, crashEnd, crashEnd + 30)).isGreaterThan(0.5);
    assertThat(share(h, Regime.RISK_OFF, crashEnd, h.days())).isGreaterThan(0.8);
    RegimeEvidence late = h.evidence(h.days() - 1);
    assertThat(late.maShort()).isLessThan(late.maLong());
    assertThat(late.trendVote()).isEqualTo(-1);
    assertThat(share(h, Regime.RISK_ON, crashEnd, h.days())).isZero();
  }

  @Test
  void aChoppyMarketIsMostlyNeutralAndDoesNotFlap() {
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      phases.add(new Phase(30, i % 2 == 0 ? 0.004 : -0.004, 0.03));
    }
    RegimeHistory h = detect(Panels.market(3, 12, phases.toArray(Phase[]::new)));
    int rawChanges = 0;
    for (int d = 1; d < h.days(); d++) {
      if (h.rawRegime(d) != h.rawRegime(d - 1)) {
        rawChanges++;
      }
    }
    int held = h.switches(0, h.days() - 1);
    double years = h.days() / 365.0;
    // A market that turns every 30 days is the worst case: 7.3 switches a year for 27 raw ones.
    assertThat(held / years).isLessThan(8);
    assertThat(held).isLessThan(rawChanges / 3);
  }

  private static double share(RegimeHistory h, Regime r, int from, int to) {
    int n = 0;
    for (int d = from; d < to; d++) {
      n += h.regime(d) == r ? 1 : 0;
    }
    return n / (double) (to - from);
  }

  @Test
  void dayDUsesNoLaterBar() {
    MarketPanel panel = Panels.market(4, 8, new Phase(600, 0.001, 0.03));
    int cut = 450;
    double[][] close = new double[panel.assetCount()][];
    double[][] volume = new double[panel.assetCount()][];
    double[][] cap = new double[panel.assetCount()][];
    SplittableRandom random = new SplittableRandom(99);
    for (int a = 0; a < panel.assetCount(); a++) {
      close[a] = panel.closes(a);
      volume[a] = panel.volumes(a);
      cap[a] = panel.marketCaps(a);
      for (int d = cut + 1; d < panel.days(); d++) {
        close[a][d] = 0.01 + 1000 * random.nextDouble();
        cap[a][d] = random.nextDouble() < 0.2 ? Double.NaN : 1e9 * random.nextDouble();
      }
    }
    MarketPanel scrambled =
        MarketPanel.ofColumns(panel.assets(), panel.start(), close, null, null, volume, cap);
    RegimeHistory a = detect(panel);
    RegimeHistory b = detect(scrambled);
    for (int d = 0; d <= cut; d++) {
      assertThat(b.evidence(d)).isEqualTo(a.evidence(d));
    }
    assertThat(b.evidence(cut + 30)).isNotEqualTo(a.evidence(cut + 30));
  }

  @Test
  void warmUpIsNeutralAndSaysWhy() {
    RegimeHistory h = RegimeDetector.detect(
        Panels.market(5, 6, new Phase(250, 0.003, 0.02)), null, S);
    RegimeEvidence first = h.evidence(0);
    assertThat(first.regime()).isEqualTo(Regime.NEUTRAL);
    assertThat(first.stablecoinFraction()).isEqualTo(0.5);
    assertThat(first.indexLevel()).isEqualTo(1.0);
    assertThat(first.warmingUp()).isTrue();
    assertThat(first.notes()).anyMatch(n -> n.contains("volatility"))
        .anyMatch(n -> n.contains("200-day")).anyMatch(n -> n.startsWith("breadth unavailable"));
    RegimeEvidence last = h.evidence(h.days() - 1);
    assertThat(last.maLong()).isPositive();
    assertThat(last.breadthVote()).isZero();
    assertThat(last.notes()).noneMatch(n -> n.contains("200-day"));
  }

  @Test
  void withoutBreadthTheOtherTwoMustAgree() {
    RegimeHistory h = RegimeDetector.detect(
        Panels.market(1, 12, new Phase(700, 0.003, 0.02)), null, S);
    for (int d = 0; d < h.days(); d++) {
      RegimeEvidence e = h.evidence(d);
      if (e.rawRegime() == Regime.RISK_ON && h.regime(d - 1 < 0 ? 0 : d - 1) != Regime.RISK_ON) {
        assertThat(e.trendVote() + e.volVote()).isEqualTo(2);
      }
    }
  }

  @Test
  void gradesMustMatchThePanel() {
    MarketPanel panel = Panels.market(1, 3, new Phase(10, 0, 0.01));
    assertThatThrownBy(() -> RegimeDetector.detect(panel, new double[2][10], S))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 assets");
    assertThatThrownBy(() -> RegimeDetector.detect(panel, new double[3][9], S))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have 10 days");
  }

  @Test
  void percentileRanksTodayAgainstItsWindow() {
    double[] p = RegimeDetector.percentiles(new double[] {1, 2, 3, 0, 5}, 3, 2);
    assertThat(p[0]).isNaN();
    assertThat(p[1]).isEqualTo(1.0);
    assertThat(p[2]).isEqualTo(1.0);
    assertThat(p[3]).isEqualTo(0.0);
    assertThat(p[4]).isEqualTo(1.0);
  }
}
