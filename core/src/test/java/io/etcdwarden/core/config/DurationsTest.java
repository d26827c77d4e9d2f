package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "500ms, 500", "5s, 5000", "2m, 120000", "1h, 3600000", "1m30s, 90000",
    "5, 5000", "1.5, 1500", "1.5s, 1500", "' 5s ', 5000", "250ms, 250"
  })
  void readsTheFormsOperatorsType(String text, long millis) {
    assertThat(Durations.parse(text, "--timeout")).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "5 s", "5sec", "-5s", "s", "", "5s5", "1d"})
  void refusesAnythingElseNamingTheSetting(String text) {
    assertThatThrownBy(() -> Durations.parse(text, "warden.yaml: etcd.timeout"))
        .isInstanceOf(WardenException.class)
        .hasMessage("warden.yaml: etcd.timeout must be a duration like 500ms, 5s or 2m, got '"
            + text + "'")
        .extracting(e -> ((WardenException) e).kind()).isEqualTo(WardenException.Kind.BAD_INPUT);
  }

  @Test
  void refusesZero() {
    assertThatThrownBy(() -> Durations.parse("0s", "--timeout"))
        .hasMessage("--timeout must be longer than 0, got '0s'");
  }

  @ParameterizedTest
  @CsvSource({"500, 500ms", "5000, 5s", "120000, 2m", "90000, 1m30s", "7200000, 2h", "1500, 1500ms"})
  void writesTheShortestForm(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(text, "x")).isEqualTo(Duration.ofMillis(millis));
  }
}
