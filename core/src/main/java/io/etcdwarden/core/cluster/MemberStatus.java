package io.etcdwarden.core.cluster;

import java.util.List;

/**
 * What one member said about itself (or why it said nothing), as seen by one survey. IDs are
 * etcd's unsigned 64-bit IDs in hex; sizes in bytes; {@code rttMillis} is the round trip of the
 * status call. A member that could not be asked has {@code reachable == false} and the reason in
 * {@code errors}.
 */
public record MemberStatus(
    String name,
    String memberId,
    String clientUrl,
    boolean reachable,
    boolean leader,
    boolean learner,
    String leaderId,
    String version,
    long dbSizeBytes,
    long dbSizeInUseBytes,
    long raftTerm,
    long raftIndex,
    long raftAppliedIndex,
    List<String> alarms,
    List<String> errors,
    long rttMillis) {

  public MemberStatus {
    alarms = List.copyOf(alarms);
    errors = List.copyOf(errors);
  }

  /** Reachable, sees a leader, and reports no errors and no alarms. */
  public boolean healthy() {
    return reachable && !leaderId.isEmpty() && errors.isEmpty() && alarms.isEmpty();
  }

  /** The name to show an operator: the member name, or its URL or ID when it has none yet. */
  public String displayName() {
    if (!name.isEmpty()) {
      return name;
    }
    return clientUrl.isEmpty() ? memberId : clientUrl;
  }

  static MemberStatus unreachable(String name, String memberId, String clientUrl, boolean learner,
      String error) {
    return new MemberStatus(name, memberId, clientUrl, false, false, learner, "", "", 0, 0, 0, 0,
        0, List.of(), List.of(error), 0);
  }
}
