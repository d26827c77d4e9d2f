package io.etcdwarden.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeTest {

  @ParameterizedTest(name = "{0} with {1} alerts: {2}")
  @CsvSource({
      "10, -1, true", "10, 0, false", "10, 10, false", "10, 10.5, true",
      "10:, 9.99, true", "10:, 10, false", "10:, 1e9, false",
      "~:10, -1e9, false", "~:10, 10, false", "~:10, 11, true",
      "10:20, 9, true", "10:20, 15, false", "10:20, 21, true",
      "@10:20, 9, false", "@10:20, 10, true", "@10:20, 20, true", "@10:20, 21, false",
      ":5, 6, true", "-5:-1, -3, false", "-5:-1, 0, true"})
  void guidelineExamples(String text, double value, boolean alerts) {
    assertThat(Range.parse(text, "-w").alerts(value)).isEqualTo(alerts);
  }

  @ParameterizedTest
  @CsvSource({"abc", "10:x", "@", "1:2:3", "20:10", "~", "10%"})
  void malformedRangesNameTheFlag(String text) {
    assertThatThrownBy(() -> Range.parse(text, "--lag-warning"))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("--lag-warning: ")
        .satisfies(e -> assertThat(((WardenException) e).kind())
            .isEqualTo(WardenException.Kind.BAD_INPUT));
  }

  @Test
  void keepsTheOperatorsText() {
    assertThat(Range.parse(" @10:20 ", "-w")).hasToString("@10:20");
  }
}
