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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three daemons, as on three members, on one 3-member cluster with a 2-second snapshot
 * schedule: each tick is archived exactly once, whichever daemon wins it, and the others see
 * the tick served and skip it.
 */
@Tag("etcd-versions")
class OneSnapshotPerTickIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  @Test
  void threeDaemonsTakeOneArchivePerTick() throws Exception {
    Optional<java.net.URI> store = Optional.of(Daemons.store(tmp.resolve("store")));
    java.nio.file.Files.createDirectories(tmp.resolve("store"));
    List<WardenDaemon> daemons = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        daemons.add(WardenDaemon.start(Daemons.settings("d" + i, etcd.target(), store,
            "0/2 * * * * ?", Duration.ofSeconds(5), tmp.resolve("state" + i))));
      }
      Await.until(Duration.ofSeconds(60), "six archived snapshot runs across the daemons",
          () -> archived(daemons), n -> n >= 6);
    } finally {
      daemons.forEach(WardenDaemon::close);
    }
    long archived = archived(daemons);
    long skipped = daemons.stream().mapToLong(d -> count(d, JobHistory.Outcome.SKIPPED)).sum();
    SnapshotStore archives = SnapshotStores.open(store.get());
    List<StoredSnapshot> listed = archives.list();

    assertThat(archived).as(histories(daemons)).isGreaterThanOrEqualTo(6);
    // a run may fail while the fresh cluster's connections come up; never for a name clash
    assertThat(histories(daemons)).doesNotContain("will not overwrite").doesNotContain("already in");
    assertThat(listed).hasSize((int) archived);
    assertThat(skipped).as("the other daemons saw each tick served").isGreaterThan(0);
    // one archive per tick: every archive serves its own tick. (Archive names carry the
    // second archiving began, which a run that waited for the lock takes after its tick.)
    List<String> servedTicks = daemons.stream()
        .flatMap(d -> d.history().recent(WardenDaemon.SNAPSHOT).stream())
        .filter(r -> r.outcome() == JobHistory.Outcome.OK)
        .map(r -> r.result().split(": ", 2)[0])
        .toList();
    assertThat(servedTicks).as(histories(daemons)).hasSize((int) archived)
        .doesNotHaveDuplicates().allMatch(t -> t.startsWith("tick "));
    assertThat(SnapshotVerifier.verify(archives, listed.get(listed.size() - 1).name()).ok())
        .isTrue();
    LastRun last = LastRunReader.read(etcd.target()).lastRun().orElseThrow();
    assertThat(last.ok()).isTrue();
    assertThat(last.verified()).isTrue();
    assertThat(listed.stream().map(StoredSnapshot::name)).contains(last.archive());
    assertThat(last.tick()).isBefore(Instant.now());
  }

  private static long archived(List<WardenDaemon> daemons) {
    return daemons.stream().mapToLong(d -> count(d, JobHistory.Outcome.OK)).sum();
  }

  private static long count(WardenDaemon d, JobHistory.Outcome outcome) {
    JobHistory.Entry e = d.history().entry(WardenDaemon.SNAPSHOT);
    return switch (outcome) {
      case OK -> e.succeeded();
      case SKIPPED -> e.skipped();
      case FAILED -> e.failures();
    };
  }

  private static String histories(List<WardenDaemon> daemons) {
    StringBuilder s = new StringBuilder();
    daemons.forEach(d -> d.status().jobs().forEach(j -> s.append(d.status().instance())
        .append(' ').append(j).append('\n')));
    return s.toString();
  }
}
