package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MaintenanceSectionTest {
  @Test
  void offByDefault() {
    MaintenanceSection m = WardenConfigLoader.parse("etcd:\n  timeout: 5s\n", "w.yaml")
        .maintenance();
    assertThat(m).isEqualTo(MaintenanceSection.defaults());
    assertThat(m.cronSchedule()).isEmpty();
  }

  @Test
  void readsEveryKey() {
    MaintenanceSection m = WardenConfigLoader.parse("""
        maintenance:
          defrag_schedule: "30 3 * * 0"
          defrag_rule: "fragmentation >= 30 && free >= 64MiB"
          compact_retain: 2h
        """, "w.yaml").maintenance();
    assertThat(m.cronSchedule().orElseThrow().quartzExpression()).isEqualTo("0 30 3 ? * SUN");
    assertThat(m.defragRule()).isEqualTo("fragmentation >= 30 && free >= 64MiB");
    assertThat(m.compactRetain()).contains(Duration.ofHours(2));
  }

  @Test
  void theBackupGateFollowsTheBackupTargetUnlessSetAndTheEtcdConfigIsAPath() {
    MaintenanceSection unset = MaintenanceSection.defaults();
    assertThat(unset.snapshotFirst(true)).isTrue();
    assertThat(unset.snapshotFirst(false)).isFalse();
    MaintenanceSection off = WardenConfigLoader.parse("""
        maintenance:
          backup_gate: off
          etcd_config: /var/lib/etcd/etcd.yaml
        """, "w.yaml").maintenance();
    assertThat(off.snapshotFirst(true)).as("YAML's unquoted off").isFalse();
    assertThat(WardenConfigLoader.parse("maintenance:\n  backup_gate: \"off\"\n", "w.yaml")
        .maintenance().snapshotFirst(true)).isFalse();
    assertThat(off.etcdConfig()).contains(java.nio.file.Path.of("/var/lib/etcd/etcd.yaml"));
    MaintenanceSection on = WardenConfigLoader.parse(
        "maintenance:\n  backup_gate: SNAPSHOT_FIRST\n", "w.yaml").maintenance();
    assertThat(on.snapshotFirst(false)).isTrue();
    assertThatThrownBy(() -> WardenConfigLoader.parse(
        "maintenance:\n  backup_gate: yes please\n", "w.yaml"))
        .hasMessageStartingWith("w.yaml: maintenance.backup_gate must be one of snapshot_first,"
            + " off")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBadScheduleIsOneLineNamingTheKey() {
    assertThatThrownBy(() -> WardenConfigLoader.parse(
        "maintenance:\n  defrag_schedule: \"61 * * * *\"\n", "w.yaml"))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("maintenance.defrag_schedule '61 * * * *' is not a cron schedule")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBadRetentionAndAnUnknownKeyNameTheKey() {
    assertThatThrownBy(() -> WardenConfigLoader.parse(
        "maintenance:\n  compact_retain: soon\n", "w.yaml"))
        .hasMessageStartingWith("w.yaml: maintenance.compact_retain must be a duration");
    assertThatThrownBy(() -> WardenConfigLoader.parse(
        "maintenance:\n  defrag_every: 1h\n", "w.yaml"))
        .hasMessageContaining("unknown key 'maintenance.defrag_every'");
  }
}
