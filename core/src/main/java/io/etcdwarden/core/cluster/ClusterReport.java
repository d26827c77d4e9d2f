package io.etcdwarden.core.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One survey of a cluster: every member from the member list (or, when no endpoint answered,
 * every endpoint that was asked), in member-list order. The verdict is computed from the rows:
 * healthy means every member is healthy and they all agree on one leader. Alarms are listed
 * through raft and cannot be read without quorum: {@code alarmListError} is empty when the list
 * was read, else why it was not, so "no alarms" and "alarms unknown" stay apart.
 */
public record ClusterReport(Instant takenAt, String clusterId, List<MemberStatus> members,
    String alarmListError) {

  public ClusterReport {
    members = List.copyOf(members);
    java.util.Objects.requireNonNull(alarmListError, "alarmListError");
  }

  /** A report whose alarm list was read (or not needed). */
  public ClusterReport(Instant takenAt, String clusterId, List<MemberStatus> members) {
    this(takenAt, clusterId, members, "");
  }

  /** True when the alarm list was read, so members without alarms really have none. */
  public boolean alarmsKnown() {
    return alarmListError.isEmpty();
  }

  public boolean healthy() {
    return !members.isEmpty()
        && members.stream().allMatch(MemberStatus::healthy)
        && agreedLeader().isPresent();
  }

  /** The leader's name when every reachable member names the same leader. */
  public Optional<String> agreedLeader() {
    List<String> leaderIds = members.stream().filter(MemberStatus::reachable)
        .map(MemberStatus::leaderId).distinct().toList();
    if (leaderIds.size() != 1 || leaderIds.get(0).isEmpty()) {
      return Optional.empty();
    }
    String leaderId = leaderIds.get(0);
    return Optional.of(members.stream().filter(m -> m.memberId().equals(leaderId))
        .map(MemberStatus::displayName).findFirst().orElse(leaderId));
  }

  /**
   * One line for the operator, in the Juju charm's words where it had them: {@code Healthy with 3
   * known peers (leader etcd0)} or {@code Unhealthy: 1 of 3 members unreachable (etcd2)}.
   */
  public String summary() {
    if (healthy()) {
      return "Healthy with " + members.size() + " known peers (leader " + agreedLeader().get()
          + ")";
    }
    if (members.isEmpty()) {
      return "Unhealthy: the cluster lists no members";
    }
    return "Unhealthy: " + String.join("; ", problems());
  }

  private List<String> problems() {
    List<MemberStatus> down = members.stream().filter(m -> !m.reachable()).toList();
    List<String> problems = new java.util.ArrayList<>();
    if (!down.isEmpty()) {
      problems.add(down.size() + " of " + members.size() + " members unreachable ("
          + names(down) + ")");
    }
    List<MemberStatus> alarmed = members.stream().filter(m -> !m.alarms().isEmpty()).toList();
    for (MemberStatus m : alarmed) {
      problems.add("alarm " + String.join(",", m.alarms()) + " on " + m.displayName());
    }
    List<MemberStatus> erring = members.stream()
        .filter(m -> m.reachable() && !m.errors().isEmpty()).toList();
    for (MemberStatus m : erring) {
      problems.add(m.displayName() + ": " + String.join(", ", m.errors()));
    }
    if (down.size() < members.size() && agreedLeader().isEmpty()) {
      problems.add("no leader agreed by the reachable members");
    }
    return problems;
  }

  private static String names(List<MemberStatus> rows) {
    return rows.stream().map(MemberStatus::displayName).collect(Collectors.joining(", "));
  }
}
