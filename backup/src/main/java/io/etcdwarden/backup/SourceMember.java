package io.etcdwarden.backup;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the member to stream a snapshot from: the leader by default, or the member an operator
 * names. A member that sees no leader is refused: etcd serves {@code snapshot} without quorum,
 * so an isolated member would hand over a stale database without complaint.
 */
final class SourceMember {
  private SourceMember() {}

  /** The chosen member's status row; {@code name} empty means "the leader". */
  public static MemberStatus choose(ClusterReport report, Optional<String> name) {
    if (name.isEmpty()) {
      Optional<MemberStatus> leader =
          report.members().stream().filter(MemberStatus::leader).findFirst();
      if (leader.isPresent()) {
        return leader.get();
      }
      if (!report.members().isEmpty()
          && report.members().stream().noneMatch(MemberStatus::reachable)) {
        // Nobody answered: the reason (refused, TLS, timeout) is the news, not the missing leader.
        throw WardenException.retryable("no member answered: " + report.members().stream()
            .flatMap(m -> m.errors().stream()).distinct().collect(Collectors.joining("; ")),
            null);
      }
      throw WardenException.retryable("no member of the cluster is leader ("
          + report.summary() + "); a snapshot now could be stale: restore quorum first", null);
    }
    MemberStatus member = report.members().stream()
        .filter(m -> m.name().equals(name.get())).findFirst()
        .orElseThrow(() -> WardenException.badInput("--member " + name.get()
            + ": no such member (members: " + report.members().stream()
                .map(MemberStatus::displayName).collect(Collectors.joining(", ")) + ")"));
    if (!member.reachable()) {
      throw WardenException.retryable("--member " + name.get() + " is unreachable: "
          + String.join(", ", member.errors()), null);
    }
    if (member.leaderId().isEmpty()) {
      throw WardenException.retryable("--member " + name.get() + " sees no leader; a snapshot"
          + " from it could be stale: choose another member or restore quorum first", null);
    }
    return member;
  }
}
