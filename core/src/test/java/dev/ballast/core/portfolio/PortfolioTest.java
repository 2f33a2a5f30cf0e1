package dev.ballast.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortfolioTest {

  @ParameterizedTest
  @ValueSource(strings = {"Main", "  Bob's retirement (2024)  ", "Ünïcode 1", "a/b: c-d #2!"})
  void acceptsNamesOfLettersDigitsAndSomePunctuation(String name) {
    assertThat(Portfolio.checkName(name)).isEqualTo(name.strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "'; DROP TABLE portfolios; --", "<script>alert(1)</script>",
      "a\u0000b", "-leading", "quote\"d", "back\\slash"})
  void refusesOtherNames(String name) {
    assertThatThrownBy(() -> Portfolio.checkName(name)).hasMessageStartingWith("name must");
  }

  @Test
  void refusesOverlongNamesAndBadIds() {
    assertThat(Portfolio.checkName("n".repeat(100))).hasSize(100);
    assertThatThrownBy(() -> Portfolio.checkName("n".repeat(101)))
        .hasMessageContaining("at most 100 characters, was 101");
    for (String id : new String[] {"0", "-1", "abc", "1 OR 1=1", "99999999999999999999", ""}) {
      assertThatThrownBy(() -> PortfolioId.parse(id)).as(id)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(PortfolioId.parse("42")).isEqualTo(PortfolioId.of(42));
  }
}
