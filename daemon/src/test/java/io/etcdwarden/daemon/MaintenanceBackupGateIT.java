package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's scheduled maintenance on a 3-member TLS cluster with a backup target: the run
 * takes and verifies an archive in the target before it defragments (the backup gate is on by
 * default when {@code backup.target} is set), and its rule judges sizes against the member's own
 * quota (64 KiB here, where etcd's default 2 GiB would select no member).
 */
class MaintenanceBackupGateIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  @Test
  void aScheduledRunSnapshotsFirstAndJudgesAgainstTheMembersQuota() throws Exception {
    Path store = Files.createDirectories(tmp.resolve("store"));
    MaintenanceSection maintenance = new MaintenanceSection("0/15 * * * * ?",
        "quota_used >= 10", Optional.empty());
    WardenDaemon daemon = WardenDaemon.start(Daemons.settings("d0", etcd.target(),
        Optional.of(Daemons.store(store)), "", Duration.ofSeconds(5), tmp.resolve("state"))
        .withMaintenance(maintenance, 64 * 1024));
    try {
      Await.every(Duration.ofMillis(200)).await(Duration.ofSeconds(90),
          "a maintenance run to end", () -> daemon.history().entry(WardenDaemon.MAINTENANCE)
              .succeeded() + daemon.history().entry(WardenDaemon.MAINTENANCE).failures() > 0);
    } finally {
      daemon.close();
    }
    List<String> results = daemon.history().recent(WardenDaemon.MAINTENANCE).stream()
        .map(r -> r.outcome() + " " + r.result()).toList();
    assertThat(results).as("maintenance runs").isNotEmpty();
    String first = results.get(0);
    assertThat(first).startsWith("OK tick ").contains("(taken and verified now)")
        .contains("defragmented 3, skipped 0 (rule quota_used >= 10");
    try (Stream<Path> files = Files.list(store)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).as("the archive and its checksum in the target")
          .anyMatch(n -> n.startsWith("etcd-snapshot-") && n.endsWith(".tar.gz"))
          .anyMatch(n -> n.endsWith(".tar.gz.sha256"));
      String archive = names.stream().filter(n -> n.endsWith(".tar.gz")).findFirst()
          .orElseThrow();
      assertThat(first).contains(archive);
    }
  }
}
