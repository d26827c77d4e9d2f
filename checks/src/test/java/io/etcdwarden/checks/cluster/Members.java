package io.etcdwarden.checks.cluster;

import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.time.Instant;
import java.util.List;

/** Survey rows as a real 3-member cluster reports them, for condition tests without etcd. */
final class Members {
  static final String LEADER_ID = "a1";

  private Members() {}

  static MemberStatus up(String name, String id) {
    return new MemberStatus(name, id, "https://127.0.0.1:2379", true, id.equals(LEADER_ID),
        false, LEADER_ID, "3.4.23", 20_480, 16_384, 5, 100, 100, List.of(), List.of(), 3);
  }

  static MemberStatus down(String name, String id) {
    return new MemberStatus(name, id, "https://127.0.0.1:2379", false, false, false, "", "", 0,
        0, 0, 0, 0, List.of(), List.of("connection refused"), 0);
  }

  static MemberStatus sized(String name, String id, long size, long inUse) {
    MemberStatus m = up(name, id);
    return new MemberStatus(name, id, m.clientUrl(), true, m.leader(), false, LEADER_ID,
        m.version(), size, inUse, 5, 100, 100, List.of(), List.of(), 3);
  }

  static MemberStatus with(MemberStatus m, String version, long raftIndex, List<String> alarms,
      List<String> errors, String leaderId) {
    return new MemberStatus(m.name(), m.memberId(), m.clientUrl(), m.reachable(), m.leader(),
        m.learner(), leaderId, version, m.dbSizeBytes(), m.dbSizeInUseBytes(), m.raftTerm(),
        raftIndex, m.raftAppliedIndex(), alarms, errors, m.rttMillis());
  }

  static ClusterReport report(MemberStatus... members) {
    return new ClusterReport(Instant.EPOCH, "c1", List.of(members));
  }

  static ClusterReport healthy() {
    return report(up("etcd0", "a1"), up("etcd1", "b2"), up("etcd2", "c3"));
  }
}
