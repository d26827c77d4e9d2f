package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.checks.backup.LastRunReader;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdAuthFixture;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on a cluster with {@code auth enable}: as an etcd user it takes the cluster-wide
 * lock under /etcd-warden/ and records its runs there; the snapshot itself needs etcd's root
 * role, so a daemon whose user only has /etcd-warden/ read-write says so, naming the user.
 */
class DaemonWithAuthIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void asRootTheDaemonLocksSnapshotsAndRecordsAsTheLeastPrivilegedUserItIsRefusedTheSnapshot()
      throws Exception {
    EtcdAuthFixture auth = EtcdAuthFixture.enable(etcd);
    Files.createDirectories(tmp.resolve("store"));
    Optional<URI> store = Optional.of(Daemons.store(tmp.resolve("store")));

    try (WardenDaemon root = WardenDaemon.start(Daemons.settings("root", auth.asRoot(), store,
        "0/2 * * * * ?", Duration.ofSeconds(5), tmp.resolve("state-root")))) {
      Await.until(Duration.ofSeconds(60), "an archived snapshot run as root",
          () -> root.history().entry(WardenDaemon.SNAPSHOT).succeeded() >= 1);
    }
    LastRun last = LastRunReader.read(auth.as(EtcdAuthFixture.WARDEN,
        EtcdAuthFixture.WARDEN_PASSWORD)).lastRun().orElseThrow();
    assertThat(last.ok()).isTrue();
    try (WardenDaemon warden = WardenDaemon.start(Daemons.settings("warden",
        auth.as(EtcdAuthFixture.WARDEN, EtcdAuthFixture.WARDEN_PASSWORD), store,
        "0/2 * * * * ?", Duration.ofSeconds(5), tmp.resolve("state-warden")))) {
      Await.until(Duration.ofSeconds(60), "a failed snapshot run as warden",
          () -> warden.history().entry(WardenDaemon.SNAPSHOT).failures() >= 1);
      List<JobHistory.Run> runs = warden.history().recent(WardenDaemon.SNAPSHOT);
      assertThat(runs).anySatisfy(r -> assertThat(r.result())
          .contains("permission denied for user 'warden'"));
    }
  }
}
