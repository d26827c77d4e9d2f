package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginOutputTest {

  @Test
  void guidelineFormatWithLongOutput() {
    String text = PluginOutput.render("ETCD_CLUSTER", "OK", "3 of 3 healthy",
        List.of("'members'=3;;;0", "'has_leader'=1"), List.of("etcd0: up", "etcd1: up"));

    assertThat(text).isEqualTo("ETCD_CLUSTER OK: 3 of 3 healthy | 'members'=3;;;0 'has_leader'=1\n"
        + "etcd0: up\netcd1: up\n");
  }

  @Test
  void noPerfdataNoBar() {
    assertThat(PluginOutput.render("ETCD_CLUSTER", "UNKNOWN", "bad -w", List.of(), List.of()))
        .isEqualTo("ETCD_CLUSTER UNKNOWN: bad -w\n");
  }

  @Test
  void summaryCannotBreakTheFormat() {
    assertThat(PluginOutput.render("S", "CRITICAL", "a|b\nc", List.of(), List.of()))
        .isEqualTo("S CRITICAL: a/b c\n");
  }

  @Test
  void staysUnderOneKibibyteAndSaysWhatWasLeftOut() {
    List<String> details = Collections.nCopies(40, "etcd-member-with-a-long-name: DOWN "
        + "connection refused by https://127.0.0.1:23790");
    String text = PluginOutput.render("ETCD_CLUSTER", "WARNING", "many down",
        Collections.nCopies(30, "'rtt_member_x'=0.001s"), details);

    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024);
    assertThat(text).startsWith("ETCD_CLUSTER WARNING: many down | 'rtt_member_x'=0.001s");
    assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).matches("\\.\\.\\. \\d+ more lines");
  }

  @Test
  void hugeSummaryIsCut() {
    String text = PluginOutput.render("S", "CRITICAL", "x".repeat(5000), List.of("'a'=1"),
        List.of("detail"));

    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024);
    assertThat(text.lines().findFirst().orElseThrow()).endsWith("...").doesNotContain("|");
    assertThat(text).endsWith("\ndetail\n");
  }
}
