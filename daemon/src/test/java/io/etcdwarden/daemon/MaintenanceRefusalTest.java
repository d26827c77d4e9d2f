package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.core.config.WardenConfigLoader;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code maintenance:} section the daemon cannot run is refused before anything starts, in
 * one line naming the key: a bad schedule when the config loads, a bad rule when the daemon
 * starts (the rule's syntax belongs to the maintenance module), a backup gate with no target.
 */
class MaintenanceRefusalTest {
  @TempDir Path tmp;

  @Test
  void aBadRuleIsOneLineNamingTheKey() {
    MaintenanceSection bad = new MaintenanceSection("0 3 * * *", "fragmentation >> 30",
        Optional.empty());
    // port 1 on loopback: nothing answers there, and nothing must be tried
    EtcdTarget nowhere = new EtcdTarget(List.of(URI.create("http://127.0.0.1:1")),
        Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), java.util.Map.of());
    assertThatThrownBy(() -> WardenDaemon.start(Daemons.settings("d", nowhere,
        Optional.empty(), "", Duration.ofSeconds(5), tmp).withMaintenance(bad)))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("maintenance.defrag_rule: 'fragmentation >> 30'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBackupGateWithoutATargetIsOneLineNamingBothKeys() {
    MaintenanceSection gated = new MaintenanceSection("0 3 * * *", "", Optional.empty(),
        Optional.of(MaintenanceSection.SNAPSHOT_FIRST), Optional.empty());
    EtcdTarget nowhere = new EtcdTarget(List.of(URI.create("http://127.0.0.1:1")),
        Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), java.util.Map.of());
    assertThatThrownBy(() -> WardenDaemon.start(Daemons.settings("d", nowhere,
        Optional.empty(), "", Duration.ofSeconds(5), tmp).withMaintenance(gated)))
        .isInstanceOf(WardenException.class)
        .hasMessage("backup.target is needed when maintenance.backup_gate is snapshot_first"
            + " (or pass --target)");
  }

  @Test
  void aBadScheduleIsOneLineNamingTheKey() {
    assertThatThrownBy(() -> WardenConfigLoader.parse(
        "maintenance:\n  defrag_schedule: every night\n", "warden.yaml"))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("maintenance.defrag_schedule 'every night' is not a cron")
        .hasMessageNotContaining("\n");
  }
}
