package io.etcdwarden.installer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.version.EtcdVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What upgrade prints about the cluster: versions, cluster version, the next step and where. */
class ClusterStandingTest {
  private static final EtcdVersion V36 = EtcdVersion.of(3, 6, 16);
  private static final EtcdVersion V35 = EtcdVersion.of(3, 5, 30);

  private static ClusterStanding standing(Map<EtcdVersion, List<String>> byVersion,
      EtcdVersion cluster) {
    return new ClusterStanding(new TreeMap<>(byVersion),
        Map.of("etcd0", "10.0.0.1", "etcd1", "10.0.0.2", "etcd2", "10.0.0.3"),
        Optional.of(cluster), V36);
  }

  @Test
  void midwayItNamesTheMembersStillBehindAndTheirHosts() {
    ClusterStanding midway = standing(Map.of(V36, List.of("etcd0"),
        V35, List.of("etcd1", "etcd2")), EtcdVersion.of(3, 5, 0));

    assertThat(midway.complete()).isFalse();
    assertThat(midway.lines()).containsExactly(
        "cluster version 3.5; members: 3.5.30 (etcd1, etcd2), 3.6.16 (etcd0)",
        "next: run the same etcd-warden upgrade on etcd1 (host 10.0.0.2), then etcd2"
            + " (host 10.0.0.3), one at a time");
  }

  @Test
  void whenEveryMemberAndTheClusterVersionMovedItIsCompleteAndNamesTheNextMinor() {
    ClusterStanding done = standing(Map.of(V36, List.of("etcd0", "etcd1", "etcd2")),
        EtcdVersion.of(3, 6, 0));

    assertThat(done.complete()).isTrue();
    assertThat(done.lines().get(1)).contains("upgrade to 3.6 is complete", "next minor is 3.7");
  }

  @Test
  void everyMemberMovedButTheClusterVersionNotYetSaysItFollows() {
    ClusterStanding waiting = standing(Map.of(V36, List.of("etcd0", "etcd1", "etcd2")),
        EtcdVersion.of(3, 5, 0));

    assertThat(waiting.complete()).isFalse();
    assertThat(waiting.lines().get(1)).contains("raises the cluster version to 3.6");
  }
}
