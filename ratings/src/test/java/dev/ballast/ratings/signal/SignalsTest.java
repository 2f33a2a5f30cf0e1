package dev.ballast.ratings.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SignalsTest {

  private static final SignalRule RULE = SignalRule.defaults();
  private static final double NAN = Double.NaN;

  private static int changes(int[] signal) {
    int c = 0;
    for (int i = 1; i < signal.length; i++) {
      if (signal[i] != signal[i - 1]) {
        c++;
      }
    }
    return c;
  }

  @Test
  void aGradeWobblingAroundTheEntryLevelDoesNotFlap() {
    double[] grade = new double[100];
    for (int i = 0; i < grade.length; i++) {
      grade[i] = i % 2 == 0 ? 58 : 62;
    }
    int[] signal = Signals.fromGrades(grade, RULE);
    assertThat(signal[0]).isZero();
    assertThat(signal[1]).isEqualTo(1);
    assertThat(changes(signal)).isEqualTo(1);

    for (int i = 0; i < grade.length; i++) {
      grade[i] = i % 2 == 0 ? 42 : 38;
    }
    int[] bearish = Signals.fromGrades(grade, RULE);
    assertThat(bearish[1]).isEqualTo(-1);
    assertThat(changes(bearish)).isEqualTo(1);
  }

  @Test
  void entriesAndExitsFollowTheLevels() {
    double[] grade = {50, 65, 50, 46, 44, 39, 50, 55, 56, 61, 70, 30, 56};
    int[] expected = {0, 1, 1, 1, 0, -1, -1, -1, 0, 1, 1, -1, 0};
    assertThat(Signals.fromGrades(grade, RULE)).containsExactly(expected);
  }

  @Test
  void confirmationWaitsForTheLevelToHold() {
    double[] grade = {50, 61, 59, 61, 62, 63, 39, 38};
    assertThat(Signals.fromGrades(grade, RULE.withConfirmDays(2)))
        .containsExactly(0, 0, 0, 0, 1, 1, 0, -1);
  }

  @Test
  void aMissingGradeIsNeutralAndRestartsTheCount() {
    double[] grade = {65, NAN, 50, 61, NAN, 61, 61};
    assertThat(Signals.fromGrades(grade, RULE)).containsExactly(1, 0, 0, 1, 0, 1, 1);
    assertThat(Signals.fromGrades(grade, RULE.withConfirmDays(2)))
        .containsExactly(0, 0, 0, 0, 0, 0, 1);
    assertThat(Signals.fromGrades(new double[0], RULE)).isEmpty();
  }

  @Test
  void theSignalOfDayDUsesGradesUpToDOnly() {
    SplittableRandom random = new SplittableRandom(7);
    double[] grade = new double[300];
    for (int i = 0; i < grade.length; i++) {
      grade[i] =
          random.nextInt(10) == 0 ? NAN : 50 + 25 * Math.sin(i / 9.0) + random.nextDouble(-8, 8);
    }
    int[] full = Signals.fromGrades(grade, RULE.withConfirmDays(2));
    for (int d = 0; d < grade.length; d += 13) {
      int[] prefix = Signals.fromGrades(Arrays.copyOf(grade, d + 1), RULE.withConfirmDays(2));
      assertThat(prefix[d]).as("day " + d).isEqualTo(full[d]);
    }
  }

  @Test
  void equityMatchesAHandComputedExample() {
    double[] close = {100, 110, 99, 108.9, 119.79};
    int[] signal = {1, 0, 1, 1, 0};
    SignalPerformance p = Signals.performance(signal, close, 0);
    double[] strategy = p.strategyEquity();
    double[] expected = {1, 1.1, 1.1, 1.21, 1.331};
    for (int i = 0; i < expected.length; i++) {
      assertThat(strategy[i]).as("day " + i).isCloseTo(expected[i], within(1e-12));
    }
    double[] hold = p.holdEquity();
    double[] expectedHold = {1, 1.1, 0.99, 1.089, 1.1979};
    for (int i = 0; i < expectedHold.length; i++) {
      assertThat(hold[i]).isCloseTo(expectedHold[i], within(1e-12));
    }
    assertThat(p.strategyReturn()).isCloseTo(0.331, within(1e-12));
    assertThat(p.holdReturn()).isCloseTo(0.1979, within(1e-12));
    assertThat(p.trades()).isEqualTo(4);
    assertThat(p.roundTrips()).isEqualTo(2);
    assertThat(p.hitRate()).isEqualTo(1.0);
    assertThat(p.strategyMaxDrawdown()).isZero();
    assertThat(p.holdMaxDrawdown()).isCloseTo(0.1, within(1e-12));
    assertThat(p.exposure()).isEqualTo(0.75);
  }

  @Test
  void feesAreChargedOnEveryTrade() {
    double[] close = {100, 110, 99, 108.9, 119.79};
    int[] signal = {1, 0, 1, 1, 0};
    SignalPerformance p = Signals.performance(signal, close, 10);
    assertThat(p.strategyReturn()).isCloseTo(Math.pow(0.999, 4) * 1.331 - 1, within(1e-12));
    assertThat(p.holdReturn()).isCloseTo(0.999 * 1.1979 - 1, within(1e-12));
    assertThat(p.strategyReturn())
        .isLessThan(Signals.performance(signal, close, 0).strategyReturn());
  }

  @Test
  void aRoundTripMustEarnItsFeesToCountAsAHit() {
    double[] close = {100, 100.1, 100.1};
    int[] signal = {1, 0, 0};
    assertThat(Signals.performance(signal, close, 0).hitRate()).isEqualTo(1.0);
    assertThat(Signals.performance(signal, close, 10).hitRate()).isEqualTo(0.0);
    assertThat(Signals.performance(new int[] {0, 0, 0}, close, 10).hitRate()).isNaN();
  }

  @Test
  void theSignalEarnsTheNextReturnNeverTheOneIntoItsDay() {
    double[] close = {100, 100, 110, 110};
    // Bullish on the day of the jump: too late, the jump happened before that close.
    assertThat(Signals.performance(new int[] {0, 0, 1, 0}, close, 0).strategyReturn()).isZero();
    // Bullish the day before: earns it.
    assertThat(Signals.performance(new int[] {0, 1, 0, 0}, close, 0).strategyReturn())
        .isCloseTo(0.1, within(1e-12));
    // Bearish is cash, not short.
    assertThat(Signals.performance(new int[] {-1, -1, -1, -1}, close, 0).strategyReturn()).isZero();
  }

  @Test
  void missingClosesAreNotTradedAt() {
    double[] close = {NAN, 100, NAN, 121, 121};
    int[] signal = {1, 1, 0, 0, 0};
    SignalPerformance p = Signals.performance(signal, close, 0);
    // Bought at 100 on day 1, could not sell on day 2, sold at 121 on day 3.
    assertThat(p.strategyEquity()).containsExactly(1, 1, 1, 1.21, 1.21);
    assertThat(p.holdEquity()).containsExactly(1, 1, 1, 1.21, 1.21);
    assertThat(p.trades()).isEqualTo(2);
  }

  @Test
  void badInputsAreRefused() {
    assertThatThrownBy(() -> Signals.performance(new int[2], new double[3], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("were 2 and 3 long");
    assertThatThrownBy(() -> Signals.performance(new int[] {2}, new double[] {1}, 0))
        .hasMessageContaining("signal must be -1, 0 or 1, was 2 at index 0");
    assertThatThrownBy(() -> Signals.performance(new int[] {0}, new double[] {0}, 0))
        .hasMessageContaining("close must be positive");
    assertThatThrownBy(() -> Signals.performance(new int[] {0}, new double[] {1}, -1))
        .hasMessageContaining("feeBps must be in [0, 10000), was -1.0");
    assertThatThrownBy(() -> Signals.fromGrades(new double[] {50, 101}, RULE))
        .hasMessageContaining("grade must be in [0, 100] or NaN, was 101.0 at index 1");
  }

  @Test
  void rulesAreChecked() {
    assertThatThrownBy(() -> new SignalRule(60, 60, 40, 55, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exitLong must be below enterLong");
    assertThatThrownBy(() -> new SignalRule(60, 45, 40, 40, 1))
        .hasMessageContaining("exitShort must be above enterShort");
    assertThatThrownBy(() -> new SignalRule(60, 45, 65, 70, 1))
        .hasMessageContaining("enterShort must be below enterLong");
    assertThatThrownBy(() -> new SignalRule(160, 45, 40, 55, 1))
        .hasMessageContaining("enterLong must be a grade in [0, 100], was 160.0");
    assertThatThrownBy(() -> new SignalRule(60, 45, 40, 55, 0))
        .hasMessageContaining("confirmDays must be at least 1, was 0");
  }
}
