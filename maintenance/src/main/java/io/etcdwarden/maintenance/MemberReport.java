package io.etcdwarden.maintenance;

import java.util.List;

/**
 * What one member says about its database and its place in raft, for maintenance decisions:
 * sizes in bytes, IDs as etcd's unsigned 64-bit IDs in hex. A member that did not answer has
 * {@code reachable == false} and the reason in {@code error}.
 */
public record MemberReport(String name, String memberId, String clientUrl, boolean reachable,
    boolean leader, boolean learner, long dbSizeBytes, long dbInUseBytes, long revision,
    long raftIndex, long appliedIndex, List<String> alarms, String error) {

  public MemberReport {
    alarms = List.copyOf(alarms);
  }

  static MemberReport unreachable(String name, String memberId, String url, boolean learner,
      String error) {
    return new MemberReport(name, memberId, url, false, false, learner, 0, 0, 0, 0, 0, List.of(),
        error);
  }

  /** Bytes the file holds beyond what is in use: what a defrag gives back. */
  public long freeBytes() {
    return Math.max(0, dbSizeBytes - dbInUseBytes);
  }

  /** Share of the file not in use, in percent (0 for an empty or unreachable member). */
  public double fragmentationPercent() {
    return dbSizeBytes == 0 ? 0 : 100.0 * freeBytes() / dbSizeBytes;
  }

  /** The file's size against {@code quotaBytes}, in percent. */
  public double quotaPercent(long quotaBytes) {
    return 100.0 * dbSizeBytes / quotaBytes;
  }

  /** The name to show: the member's name, or its ID when it has none yet. */
  public String displayName() {
    return name.isEmpty() ? memberId : name;
  }
}
