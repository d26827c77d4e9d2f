package io.etcdwarden.backup;

import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the member to snapshot with as few calls as possible before the first byte: the first
 * endpoint that answers gives its status (which names the leader) and the member list; then at
 * most one more status call, to the leader or the named member. A member that sees no leader is
 * never used (etcd serves snapshots without quorum, so it could be stale). When the quick answer
 * is not enough (no endpoint answers, or the one that does sees no leader) the full {@link
 * ClusterSurvey} decides, as {@link SourceMember} describes, so the refusal names every member.
 */
final class SourceFinder {
  private final EtcdClients clients;
  private final EtcdTarget target;
  private final Clock clock;

  SourceFinder(EtcdClients clients, EtcdTarget target, Clock clock) {
    this.clients = clients;
    this.target = target;
    this.clock = clock;
  }

  SnapshotSource find(Optional<String> member) {
    for (URI endpoint : target.endpoints()) {
      MemberChannel channel = MemberChannel.open(clients, endpoint);
      StatusResponse status;
      MemberListResponse members;
      try {
        status = channel.status();
        members = channel.members();
      } catch (WardenException e) {
        channel.close();
        continue; // the next endpoint, or the survey, says what is wrong
      }
      if (member.isPresent()) {
        return named(member.get(), members, channel);
      }
      if (status.getLeader() == 0) {
        channel.close();
        break;
      }
      if (status.getLeader() == status.getHeader().getMemberId()) {
        return new SnapshotSource(nameOf(members, status.getLeader()), channel, status, members);
      }
      channel.close();
      Optional<Member> leader = members.getMembersList().stream()
          .filter(m -> m.getID() == status.getLeader() && m.getClientURLsCount() > 0)
          .findFirst();
      if (leader.isPresent()) {
        return confirmed(leader.get().getName(),
            URI.create(leader.get().getClientURLs(0)), members, "the leader " + leader.get()
                .getName());
      }
      break;
    }
    ClusterReport report = new ClusterSurvey(clients, target, clock).survey();
    MemberStatus chosen = SourceMember.choose(report, member);
    return confirmed(chosen.name(), URI.create(chosen.clientUrl()), null,
        member.isPresent() ? "--member " + member.get() : "the leader " + chosen.displayName());
  }

  private SnapshotSource named(String name, MemberListResponse members, MemberChannel asked) {
    Member found = members.getMembersList().stream().filter(m -> m.getName().equals(name))
        .findFirst().orElse(null);
    if (found == null) {
      asked.close();
      throw WardenException.badInput("--member " + name + ": no such member (members: "
          + members.getMembersList().stream().map(m -> m.getName().isEmpty()
              ? Long.toHexString(m.getID()) : m.getName()).sorted()
              .collect(Collectors.joining(", ")) + ")");
    }
    if (found.getClientURLsCount() == 0) {
      asked.close();
      throw WardenException.retryable("--member " + name + " has not started yet (no client"
          + " URL)", null);
    }
    URI url = URI.create(found.getClientURLs(0));
    if (url.equals(asked.url())) {
      StatusResponse status;
      try {
        status = asked.status();
      } catch (WardenException e) {
        asked.close();
        throw WardenException.retryable("--member " + name + " is unreachable: "
            + e.getMessage(), e);
      }
      return sawLeader(name, asked, status, members, "--member " + name);
    }
    asked.close();
    return confirmed(name, url, members, "--member " + name);
  }

  /** Opens {@code url}, asks its status, and keeps it only if it sees a leader. */
  private SnapshotSource confirmed(String name, URI url, MemberListResponse members,
      String role) {
    MemberChannel channel = MemberChannel.open(clients, url);
    StatusResponse status;
    MemberListResponse list;
    try {
      status = channel.status();
      list = members != null ? members : channel.members();
    } catch (WardenException e) {
      channel.close();
      throw WardenException.retryable(role + " is unreachable: " + e.getMessage(), e);
    }
    return sawLeader(name, channel, status, list, role);
  }

  private static SnapshotSource sawLeader(String name, MemberChannel channel,
      StatusResponse status, MemberListResponse members, String role) {
    if (status.getLeader() == 0) {
      channel.close();
      throw WardenException.retryable(role + " sees no leader; a snapshot from it could be"
          + " stale: choose another member or restore quorum first", null);
    }
    return new SnapshotSource(name, channel, status, members);
  }

  private static String nameOf(MemberListResponse members, long id) {
    return members.getMembersList().stream().filter(m -> m.getID() == id)
        .map(Member::getName).findFirst().orElse(Long.toHexString(id));
  }
}
