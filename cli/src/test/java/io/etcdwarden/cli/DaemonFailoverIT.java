package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.GetResponse;
import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.checks.backup.LastRunReader;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoredSnapshot;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three daemons as real processes of the packaged launcher, one per member as in production:
 * the one taking a snapshot is SIGKILLed mid-run (no unlock, no lease revocation); its lock
 * expires, another daemon takes the next tick, and no partial archive is ever listed. A daemon
 * sent SIGTERM stops cleanly and exits 0.
 */
class DaemonFailoverIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  @Test
  void aKilledHolderIsReplacedAndLeavesNoPartialArchive() throws Exception {
    Path storeDir = Files.createDirectories(tmp.resolve("store"));
    String storeUri = storeDir.toUri() + "?allow-non-mount=true&min-free-mb=1";
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 48L << 20); // a run of a second or more to kill into
    }
    Path config = writeConfig(storeUri);
    List<Process> daemons = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        daemons.add(startDaemon(config, i));
      }
      long victimPid = awaitRunningHolder();
      Process victim = daemons.stream().filter(p -> p.pid() == victimPid).findFirst()
          .orElseThrow(() -> new AssertionError("no daemon has pid " + victimPid));
      victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Instant killedAt = Instant.now();

      LastRun next = awaitRunAfter(killedAt);

      assertThat(next.ok()).as(next.toString()).isTrue();
      assertThat(next.daemon()).doesNotEndWith("/" + victimPid);
      SnapshotStore store = SnapshotStores.open(storeUri, "test");
      List<StoredSnapshot> listed = store.list();
      assertThat(listed).isNotEmpty();
      for (StoredSnapshot s : listed) {
        assertThat(SnapshotVerifier.verify(store, s.name()).problems()).as(s.name()).isEmpty();
      }

      Process survivor = daemons.stream().filter(Process::isAlive).findFirst().orElseThrow();
      survivor.destroy(); // SIGTERM
      assertThat(survivor.waitFor(45, TimeUnit.SECONDS)).isTrue();
      assertThat(survivor.exitValue()).as(log(survivor)).isZero();
    } finally {
      for (Process p : daemons) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Path writeConfig(String storeUri) throws Exception {
    Map<String, String> env = etcd.etcdctlEnvironment();
    return Files.writeString(tmp.resolve("warden.yaml"), String.join("\n",
        "etcd:",
        "  endpoints: " + env.get("ETCDCTL_ENDPOINTS"),
        "  cacert: " + env.get("ETCDCTL_CACERT"),
        "  cert: " + env.get("ETCDCTL_CERT"),
        "  key: " + env.get("ETCDCTL_KEY"),
        "backup:",
        "  target: '" + storeUri + "'",
        "  schedule: '0/4 * * * * ?'",
        "  keep_last: 50",
        "daemon:",
        "  health_interval: 30s",
        "  listen: 127.0.0.1:0",
        "  lock_ttl: 3s",
        "  state_dir: " + tmp.resolve("state"), ""));
  }

  private Process startDaemon(Path config, int i) throws Exception {
    Path launcher = Dist.plugin().resolveSibling("etcd-warden");
    return new ProcessBuilder(launcher.toString(), "daemon", "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("daemon" + i + ".log").toFile())
        .start();
  }

  private String log(Process p) {
    try (var files = Files.list(tmp)) {
      StringBuilder all = new StringBuilder();
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
        all.append(f).append(":\n").append(Files.readString(f));
      }
      return all.toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** The pid of the daemon that marks itself as taking a snapshot right now. */
  private long awaitRunningHolder() {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      GetResponse running = withLog(() -> Await.every(Duration.ofMillis(50)).await(
          Duration.ofSeconds(60), "a daemon that marks itself as taking a snapshot",
          () -> clients.cluster().getKVClient()
              .get(ByteSequence.from("/etcd-warden/snapshot/running", StandardCharsets.UTF_8))
              .get(5, TimeUnit.SECONDS),
          answer -> !answer.getKvs().isEmpty()));
      String instance = running.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8);
      return Long.parseLong(instance.substring(instance.lastIndexOf('/') + 1));
    }
  }

  private LastRun awaitRunAfter(Instant killedAt) {
    return withLog(() -> Await.every(Duration.ofMillis(200)).await(Duration.ofSeconds(60),
        "a snapshot run finished after the kill",
        () -> LastRunReader.read(etcd.target()).lastRun(),
        last -> last.isPresent() && last.get().finishedAt().isAfter(killedAt))).get();
  }

  /** A failed wait, with the daemons' log appended. */
  private <T> T withLog(java.util.function.Supplier<T> wait) {
    try {
      return wait.get();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + ":\n" + log(null), e);
    }
  }
}
