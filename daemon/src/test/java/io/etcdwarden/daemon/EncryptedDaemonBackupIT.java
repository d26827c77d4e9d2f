package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.AgeKeyGenerator;
import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.backup.Verification;
import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.checks.backup.LastRunReader;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoredSnapshot;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with {@code backup.encrypt_to} and {@code backup.identity_file}: its scheduled
 * archives are {@code .age}, and its check after publishing opens them with the identity (the
 * last-run record says verified, and the archive's manifest is readable with that identity).
 */
class EncryptedDaemonBackupIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void scheduledArchivesAreEncryptedAndVerifiedWithTheIdentity() throws Exception {
    Path key = tmp.resolve("daemon.key");
    String recipient = new AgeKeyGenerator(Clock.systemUTC()).generate(key);
    Files.createDirectories(tmp.resolve("store"));
    URI store = Daemons.store(tmp.resolve("store"));
    BackupSection backup = new BackupSection(Optional.of(store), "0/2 * * * * ?", "zstd",
        Optional.empty(), 50, 0, 0, 0, List.of(recipient), Optional.of(key));
    DaemonSettings settings = DaemonSettings.of(etcd.target(), backup, new DaemonSection(
        Duration.ofSeconds(5), "127.0.0.1", 0, Duration.ofSeconds(3), tmp.resolve("state")),
        "test").withInstance("enc").withMisfireThreshold(Duration.ofSeconds(1))
        .withStopGrace(Duration.ofSeconds(10));
    try (WardenDaemon daemon = WardenDaemon.start(settings)) {
      Await.until(Duration.ofSeconds(60), "a scheduled snapshot to succeed",
          () -> daemon.history().entry(WardenDaemon.SNAPSHOT).succeeded() >= 1);
      assertThat(daemon.history().entry(WardenDaemon.SNAPSHOT).succeeded())
          .as(daemon.status().jobs().toString()).isGreaterThanOrEqualTo(1);
    }
    SnapshotStore archives = SnapshotStores.open(store);
    List<StoredSnapshot> listed = archives.list();
    LastRun last = LastRunReader.read(etcd.target()).lastRun().orElseThrow();

    assertThat(listed).isNotEmpty().allMatch(s -> s.name().endsWith(".tar.zst.age"));
    assertThat(last.verified()).isTrue();
    Verification opened = SnapshotVerifier.verify(archives, last.archive(),
        Optional.of(AgeIdentity.load(key)));
    assertThat(opened.problems()).isEmpty();
    assertThat(opened.manifest()).isPresent();
  }
}
