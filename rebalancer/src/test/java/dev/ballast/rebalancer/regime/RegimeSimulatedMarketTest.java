package dev.ballast.rebalancer.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.ratings.grade.MarketPanel;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The overlay on the simulated market, whose bull and bear phases are scripted. */
class RegimeSimulatedMarketTest {

  private static MarketPanel panel;
  private static RegimeHistory history;

  @BeforeAll
  static void detect() {
    SimulatedMarket market = SimulatedMarket.generate(SimulationSettings.defaults());
    SimulationSettings s = market.settings();
    panel = MarketPanel.of(market.assets(), market.allSeries(), s.start(), s.end());
    history =
        RegimeDetector.detect(panel, Breadth.aboveOwnAverage(panel, 50), RegimeSettings.defaults());
  }

  private static Map<Regime, Double> shares(LocalDate from, LocalDate to) {
    Map<Regime, Double> out = new EnumMap<>(Regime.class);
    int a = history.dayOf(from);
    int b = history.dayOf(to);
    for (Regime r : Regime.values()) {
      out.put(r, 0.0);
    }
    for (int d = a; d <= b; d++) {
      out.merge(history.regime(d), 1.0 / (b - a + 1), Double::sum);
    }
    return out;
  }

  @Test
  void riskOffCoversMostOfTheBearMarket() {
    Map<Regime, Double> bear = shares(LocalDate.of(2021, 11, 10), LocalDate.of(2022, 12, 31));
    // 67% on the default run; the first weeks are the lag of a trend rule, by design.
    assertThat(bear.get(Regime.RISK_OFF)).isGreaterThan(0.6);
    assertThat(bear.get(Regime.RISK_ON)).isLessThan(0.15);
  }

  @Test
  void riskOnCoversMostOfTheLongBull() {
    Map<Regime, Double> bull = shares(LocalDate.of(2020, 3, 13), LocalDate.of(2021, 11, 9));
    // 67%: the first months are the recovery from the crash, below the 200-day average.
    assertThat(bull.get(Regime.RISK_ON)).isGreaterThan(0.6);
    assertThat(bull.get(Regime.RISK_OFF)).isLessThan(0.25);
  }

  @Test
  void switchesFewerThanSixAYear() {
    double years = history.days() / 365.0;
    assertThat(history.switchDates().size() / years).isLessThan(6);
  }

  @Test
  void evidenceOfEveryDayIsComplete() {
    for (int d = RegimeSettings.defaults().warmUpDays() + 1; d < history.days(); d++) {
      RegimeEvidence e = history.evidence(d);
      assertThat(e.notes()).as(e.date().toString()).isEmpty();
      assertThat(e.volPercentile()).isBetween(0.0, 1.0);
      assertThat(e.breadth()).isBetween(0.0, 1.0);
    }
  }
}
