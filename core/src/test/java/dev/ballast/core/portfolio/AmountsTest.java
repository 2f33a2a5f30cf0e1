package dev.ballast.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "0.000000000000000001", "1000000000000000", "1e15", "2.50"})
  void acceptsPositiveAmountsUpTo1e15With18Decimals(String text) {
    BigDecimal amount = Amounts.checkAmount("quantity", new BigDecimal(text));
    assertThat(amount.scale()).isEqualTo(Amounts.SCALE);
    assertThat(amount).isEqualByComparingTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1000000000000000.000000000000000001", "1e16",
      "0.0000000000000000001", "1e999999999", "1e-999999999"})
  void refusesTheRestNamingTheFieldWithoutExpandingHugeExponents(String text) {
    assertThatThrownBy(() -> Amounts.checkAmount("cashUsd", new BigDecimal(text)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cashUsd")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
