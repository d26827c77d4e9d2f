package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import org.junit.jupiter.api.Test;

class AutoCompactionTest {
  private static final String FLAG = "--auto-compaction-retention";

  @Test
  void retentionsEtcdAcceptsInPeriodicModeAndOff() {
    assertThat(AutoCompaction.retention("4h", FLAG)).isEqualTo("4h");
    assertThat(AutoCompaction.retention("1h30m", FLAG)).isEqualTo("1h30m");
    assertThat(AutoCompaction.retention("12", FLAG)).isEqualTo("12");
    assertThat(AutoCompaction.retention("0", FLAG)).isEmpty();
    assertThat(AutoCompaction.retention("off", FLAG)).isEmpty();
  }

  @Test
  void anythingElseIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> AutoCompaction.retention("4 hours", FLAG))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("--auto-compaction-retention: '4 hours' is not a retention");
    assertThatThrownBy(() -> AutoCompaction.retention("0h", FLAG))
        .hasMessageStartingWith(FLAG);
  }

  @Test
  void theRendererWritesPeriodicModeOnlyWhenARetentionIsSet() {
    EtcdMemberConfigBuilder base = EtcdMemberConfigTest.valid();
    String with = new EtcdConfigRenderer(io.etcdwarden.core.version.EtcdLine.V3_5)
        .render(base.autoCompactionRetention("4h").build());
    assertThat(with).contains("auto-compaction-mode: \"periodic\"\n")
        .contains("auto-compaction-retention: \"4h\"\n");
    String without = new EtcdConfigRenderer(io.etcdwarden.core.version.EtcdLine.V3_5)
        .render(base.autoCompactionRetention("").build());
    assertThat(without).doesNotContain("auto-compaction");
  }
}
