package dev.ballast.rebalancer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class CapRedistributionProperties {

  @Property(tries = 300)
  void weightsStayWithinCapsAndSumToOne(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0.01, max = 1e6) Double> raw,
      @ForAll @DoubleRange(min = 0.01, max = 1) double largestCap,
      @ForAll @DoubleRange(min = 0.01, max = 1) double otherFraction) {
    Caps caps = new Caps(largestCap, largestCap * otherFraction);
    double[] r = raw.stream().mapToDouble(Double::doubleValue).toArray();
    if (!caps.feasibleFor(r.length)) {
      assertThatThrownBy(() -> CapRedistribution.apply(r, caps))
          .isInstanceOf(InfeasibleCapsException.class)
          .hasMessageContaining("< 1");
      return;
    }
    double[] w = CapRedistribution.apply(r, caps);
    assertThat(Arrays.stream(w).sum()).isCloseTo(1, within(1e-9));
    int largest = 0;
    for (int i = 1; i < r.length; i++) {
      if (r[i] > r[largest]) {
        largest = i;
      }
    }
    for (int i = 0; i < w.length; i++) {
      double cap = i == largest ? caps.largestCap() : caps.otherCap();
      assertThat(w[i]).isGreaterThan(0).isLessThanOrEqualTo(cap + 1e-9);
    }
  }

  @Example
  void coinDeskStyleCapsSpreadTheExcessProportionally() {
    // 60/20/10/5/5 under 30%/20%: the first is cut to 30; the second reaches 35% with its share
    // of the excess and is cut to 20; the third then reaches 25% and is cut to 20; the last two
    // share the remaining 30% in proportion 5:5.
    double[] w = CapRedistribution.apply(new double[] {60, 20, 10, 5, 5}, new Caps(0.3, 0.2));
    assertThat(w).containsExactly(new double[] {0.3, 0.2, 0.2, 0.15, 0.15}, within(1e-12));
  }

  @Example
  void threeAssetsCannotFillTwentyPercentCaps() {
    assertThatThrownBy(() -> CapRedistribution.apply(new double[] {3, 2, 1}, new Caps(0.3, 0.2)))
        .isInstanceOf(InfeasibleCapsException.class)
        .hasMessage("caps are infeasible for 3 asset(s): largestCap 0.3 + 2 × otherCap 0.2 = 0.7"
            + " < 1");
  }
}
