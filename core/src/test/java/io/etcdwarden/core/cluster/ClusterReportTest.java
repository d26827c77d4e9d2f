package io.etcdwarden.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterReportTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  static MemberStatus up(String name, String id, String leaderId) {
    return new MemberStatus(name, id, "https://127.0.0.1:2379", true, id.equals(leaderId), false,
        leaderId, "3.4.23", 20480, 16384, 2, 10, 10, List.of(), List.of(), 3);
  }

  static MemberStatus down(String name, String id) {
    return MemberStatus.unreachable(name, id, "https://127.0.0.1:2381", false,
        "https://127.0.0.1:2381: connection refused (is etcd running there?)");
  }

  @Test
  void healthyClusterNamesItsLeaderAndPeerCount() {
    ClusterReport report = new ClusterReport(NOW, "c1",
        List.of(up("etcd0", "a", "a"), up("etcd1", "b", "a"), up("etcd2", "c", "a")));

    assertThat(report.healthy()).isTrue();
    assertThat(report.summary()).isEqualTo("Healthy with 3 known peers (leader etcd0)");
  }

  @Test
  void unreachableMemberIsNamedAndMakesTheClusterUnhealthy() {
    ClusterReport report = new ClusterReport(NOW, "c1",
        List.of(up("etcd0", "a", "a"), up("etcd1", "b", "a"), down("etcd2", "c")));

    assertThat(report.healthy()).isFalse();
    assertThat(report.summary()).isEqualTo("Unhealthy: 1 of 3 members unreachable (etcd2)");
  }

  @Test
  void membersDisagreeingOnTheLeaderIsUnhealthy() {
    ClusterReport report = new ClusterReport(NOW, "c1",
        List.of(up("etcd0", "a", "a"), up("etcd1", "b", "b")));

    assertThat(report.healthy()).isFalse();
    assertThat(report.summary()).contains("no leader agreed");
  }

  @Test
  void alarmMakesAnOtherwiseFineClusterUnhealthy() {
    MemberStatus alarmed = new MemberStatus("etcd0", "a", "https://127.0.0.1:2379", true, true,
        false, "a", "3.4.23", 1, 1, 1, 1, 1, List.of("NOSPACE"), List.of(), 1);

    ClusterReport report = new ClusterReport(NOW, "c1", List.of(alarmed));

    assertThat(report.healthy()).isFalse();
    assertThat(report.summary()).isEqualTo("Unhealthy: alarm NOSPACE on etcd0");
  }

  @Test
  void memberWithoutNameIsShownByItsUrl() {
    assertThat(down("", "c").displayName()).isEqualTo("https://127.0.0.1:2381");
  }
}
