package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Which member a snapshot comes from in a 3-member TLS cluster, and when none may be used. */
class SnapshotArchiverThreeMembersIT {
  /** Surveys cost a round of calls to every member: look every 200 ms. */
  private static final Await POLL = Await.every(Duration.ofMillis(200));

  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path storeDir;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + storeDir + "?allow-non-mount=true"));
  }

  private ArchivedSnapshot archive(EtcdClients clients, Optional<String> member) {
    return new SnapshotArchiver(clients, etcd.target(), Clock.systemUTC(), "test")
        .archive(store(), member, Compression.ZSTD, SnapshotProgress.NONE);
  }

  @Test
  void byDefaultTheSnapshotComesFromTheLeader() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      String leader = survey(clients).agreedLeader().orElseThrow();

      SnapshotManifest manifest = archive(clients, Optional.empty()).manifest();

      assertThat(manifest.memberName()).isEqualTo(leader);
      assertThat(manifest.members()).extracting(SnapshotManifest.Member::name)
          .containsExactlyInAnyOrder("etcd0", "etcd1", "etcd2");
      assertThat(manifest.clusterId()).isNotEmpty();
    }
  }

  @Test
  void aNamedFollowerCanBeTheSource() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      String follower = survey(clients).members().stream().filter(m -> !m.leader()).findFirst().orElseThrow().name();

      assertThat(archive(clients, Optional.of(follower)).manifest().memberName())
          .isEqualTo(follower);
      assertThatThrownBy(() -> archive(clients, Optional.of("etcd9")))
          .isInstanceOf(WardenException.class).hasMessageContaining("--member etcd9")
          .hasMessageContaining("etcd0, etcd1, etcd2");
    }
  }

  @Test
  void aMemberThatLostItsLeaderIsRefused() throws Exception {
    etcd.member(1).kill();
    etcd.member(2).kill();
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      awaitNoLeader(clients, "etcd0");

      assertThatThrownBy(() -> archive(clients, Optional.of("etcd0")))
          .isInstanceOf(WardenException.class).hasMessageContaining("sees no leader");
      assertThatThrownBy(() -> archive(clients, Optional.empty()))
          .isInstanceOf(WardenException.class).hasMessageContaining("no member of the cluster");
      assertThat(store().list()).isEmpty();
    }
  }

  /**
   * A survey whose member list was read (rows carry names): on a busy machine the first call of
   * a fresh client can miss the deadline, and the survey then reports endpoints without names.
   */
  private ClusterReport survey(EtcdClients clients) {
    return POLL.await(Duration.ofSeconds(20), "a survey whose rows carry the members' names",
        () -> new ClusterSurvey(clients, etcd.target(), Clock.systemUTC()).survey(),
        report -> report.members().stream().allMatch(m -> !m.name().isEmpty()));
  }

  private void awaitNoLeader(EtcdClients clients, String name) {
    POLL.await(Duration.ofSeconds(20), name + " reachable and seeing no leader",
        () -> new ClusterSurvey(clients, etcd.target(), Clock.systemUTC()).survey().members()
            .stream().filter(m -> m.name().equals(name)).findFirst(),
        status -> status.isPresent() && status.get().reachable()
            && status.get().leaderId().isEmpty());
  }
}
