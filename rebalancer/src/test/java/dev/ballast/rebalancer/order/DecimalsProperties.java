package dev.ballast.rebalancer.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DecimalsProperties {

  @Property(tries = 5000)
  void toDoubleIsDoubleValueBitForBit(@ForAll long unscaled, @ForAll @IntRange(min = -30, max = 30)
      int scale, @ForAll @IntRange(min = 0, max = 64) int shift) {
    // Every bit length from 0 to 64: the fast path's edge is at 53 bits.
    BigDecimal x = new BigDecimal(BigInteger.valueOf(shift == 64 ? unscaled : unscaled >> shift),
        scale);
    assertThat(Double.doubleToRawLongBits(Decimals.toDouble(x)))
        .as("%s", x).isEqualTo(Double.doubleToRawLongBits(x.doubleValue()));
  }

  @Example
  void toDoubleIsDoubleValueOnTheEnginesDecimals() {
    Random random = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      double usd = Math.exp(random.nextGaussian() * 8);
      BigDecimal quantity = new BigDecimal(usd).setScale(12, java.math.RoundingMode.DOWN);
      BigDecimal weight = BigDecimal.valueOf(random.nextDouble() * 1e6)
          .divide(BigDecimal.valueOf(1e6 + random.nextInt(1000)), MathContext.DECIMAL64);
      BigDecimal edge = new BigDecimal(BigInteger.ONE.shiftLeft(53).add(
          BigInteger.valueOf(random.nextInt(5) - 2)), random.nextInt(45) - 22);
      for (BigDecimal x : new BigDecimal[] {quantity, weight, edge}) {
        assertThat(Double.doubleToRawLongBits(Decimals.toDouble(x)))
            .as("%s", x).isEqualTo(Double.doubleToRawLongBits(x.doubleValue()));
      }
    }
  }
}
