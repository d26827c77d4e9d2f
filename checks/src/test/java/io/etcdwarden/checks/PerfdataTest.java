package io.etcdwarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerfdataTest {

  @Test
  void trailingEmptyFieldsAreLeftOut() {
    assertThat(Perfdata.of("has_leader", 1, "").render()).isEqualTo("'has_leader'=1");
    assertThat(Perfdata.of("alarms", 0, "").bounded(0).render()).isEqualTo("'alarms'=0;;;0");
  }

  @Test
  void thresholdsAndBoundsInTheirPlaces() {
    Perfdata p = Perfdata.of("db_used_pct", 12.3456, "%").with(Thresholds.of("80", "95"))
        .bounded(0, 100);
    assertThat(p.render()).isEqualTo("'db_used_pct'=12.346%;80;95;0;100");
  }

  @Test
  void largeByteCountsStayIntegers() {
    assertThat(Perfdata.of("db_size", 2147483648L, "B").render())
        .isEqualTo("'db_size'=2147483648B");
  }

  @Test
  void secondsKeepMilliseconds() {
    assertThat(Perfdata.of("rtt_max", 0.003, "s").render()).isEqualTo("'rtt_max'=0.003s");
  }
}
