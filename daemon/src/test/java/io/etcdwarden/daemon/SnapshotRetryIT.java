package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.checks.backup.LastRunReader;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoredSnapshot;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled snapshot whose store is gone when it runs (the volume's directory moved away, as
 * an unmounted volume leaves it) is tried again within its tick: once the directory is back, the
 * next attempt publishes a verified archive, the run counts as a success, the history names the
 * attempt and {@code /metrics} counts the retry.
 */
class SnapshotRetryIT {
  private static final Pattern RETRIES =
      Pattern.compile("(?m)^etcd_warden_snapshot_retries_total (\\S+)$");

  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void aStoreThatComesBackWithinTheTickGetsTheArchive() throws Exception {
    Path volume = tmp.resolve("store");
    Path away = tmp.resolve("store-unmounted");
    Files.createDirectories(volume);
    URI target = Daemons.store(volume);
    // One tick a minute, a few seconds from now: the next one is far beyond the retries.
    long second = (Instant.now().getEpochSecond() + 8) % 60;
    try (WardenDaemon daemon = WardenDaemon.start(Daemons.settings("d0", etcd.target(),
        Optional.of(target), second + " * * * * ?", Duration.ofSeconds(30), tmp.resolve("s")))) {
      Files.move(volume, away);
      int port = daemon.address().getPort();

      Await often = Await.every(Duration.ofMillis(50));
      often.await(Duration.ofSeconds(30), "a failed attempt to be retried",
          () -> retries(port) >= 1);
      Files.move(away, volume);
      often.await(Duration.ofSeconds(30), "the snapshot run to end",
          () -> !daemon.history().recent(WardenDaemon.SNAPSHOT).isEmpty());

      List<JobHistory.Run> runs = daemon.history().recent(WardenDaemon.SNAPSHOT);
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).outcome()).as(runs.get(0).result()).isEqualTo(JobHistory.Outcome.OK);
      assertThat(runs.get(0).result()).containsPattern("verified \\(attempt [23] of 3\\)");
      assertThat(retries(port)).isBetween(1.0, 2.0);
    }
    SnapshotStore store = SnapshotStores.open(target);
    List<StoredSnapshot> listed = store.list();
    assertThat(listed).hasSize(1);
    assertThat(SnapshotVerifier.verify(store, listed.get(0).name()).ok()).isTrue();
    LastRun last = LastRunReader.read(etcd.target()).lastRun().orElseThrow();
    assertThat(last.ok()).isTrue();
    assertThat(last.archive()).isEqualTo(listed.get(0).name());
  }

  private static double retries(int port) {
    try {
      Matcher m = RETRIES.matcher(RawHttp.get(port, "/metrics"));
      return m.find() ? Double.parseDouble(m.group(1)) : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
