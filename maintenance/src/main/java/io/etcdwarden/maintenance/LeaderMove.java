package io.etcdwarden.maintenance;

import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves leadership away from a member about to be defragmented, to the voting follower that has
 * applied the most (etcd's MoveLeader, sent to the leader itself, which is the only member that
 * accepts it). The move is done only once every member names the same new leader and that leader
 * has applied everything the old one had: defragmenting the old leader while a member still
 * forwards writes to it, or while the new leader has entries left to apply, would hold those
 * writes for the whole defrag.
 */
final class LeaderMove {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private final EtcdClients clients;
  private final ClusterGate gate;

  LeaderMove(EtcdClients clients, ClusterGate gate) {
    this.clients = clients;
    this.gate = gate;
  }

  /** Moves leadership from {@code leader}; returns the line saying so. */
  String moveAwayFrom(MemberReport leader, ClusterReading reading, Duration wait) {
    MemberReport to = reading.members().stream()
        .filter(m -> !m.leader() && !m.learner() && m.reachable())
        .max(Comparator.comparingLong(MemberReport::appliedIndex))
        .orElseThrow(() -> new WardenException("no voting follower to take over leadership"));
    URI leaderUrl = URI.create(leader.clientUrl());
    long leaderIndex = caughtUp(leaderUrl, to, wait);
    Calls.await(clients.member(leaderUrl).getMaintenanceClient()
        .moveLeader(Long.parseUnsignedLong(to.memberId(), 16)), clients.target(), wait,
        leaderUrl);
    long deadline = System.nanoTime() + wait.toNanos();
    String problem = "";
    while (System.nanoTime() < deadline) {
      ClusterReading now = gate.ready(wait);
      problem = unsettled(now.members(), leader.memberId(), leaderIndex);
      if (problem.isEmpty()) {
        return "moved leadership from " + leader.displayName() + " to "
            + now.leader().orElseThrow().displayName();
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new WardenException("leadership did not settle away from " + leader.displayName()
        + " within " + wait.toMillis() + " ms: " + problem);
  }

  /**
   * Empty once every member names one leader other than {@code oldLeaderId} and that leader has
   * applied at least {@code oldIndex}; else what is still missing.
   */
  private String unsettled(List<MemberReport> members, String oldLeaderId, long oldIndex) {
    List<CompletableFuture<StatusResponse>> calls = members.stream().map(m -> Calls.bounded(
        clients.cluster().getMaintenanceClient().statusMember(m.clientUrl()), clients.target()))
        .toList();
    Set<Long> named = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      StatusResponse s = Calls.await(calls.get(i), clients.target(),
          URI.create(members.get(i).clientUrl()));
      named.add(s.getLeader());
      if (s.getLeader() == s.getHeader().getMemberId() && s.getRaftAppliedIndex() < oldIndex) {
        return "the new leader " + members.get(i).displayName() + " has applied "
            + s.getRaftAppliedIndex() + ", not yet " + oldIndex;
      }
    }
    if (named.size() != 1 || named.contains(0L)) {
      return "members do not agree on the leader yet";
    }
    if (Long.toHexString(named.iterator().next()).equals(oldLeaderId)) {
      return "leadership has not moved yet";
    }
    return "";
  }

  /**
   * Waits until {@code to} has applied what the leader has, so that raft hands over at once
   * (a transferee that lags gets entries first, and the leader drops proposals meanwhile);
   * returns the leader's raft index.
   */
  private long caughtUp(URI leaderUrl, MemberReport to, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    URI toUrl = URI.create(to.clientUrl());
    while (true) {
      long leaderIndex = status(leaderUrl).getRaftIndex();
      long applied = status(toUrl).getRaftAppliedIndex();
      if (applied >= leaderIndex) {
        return leaderIndex;
      }
      if (System.nanoTime() > deadline) {
        throw new WardenException(to.displayName() + " has applied " + applied
            + ", not yet the leader's " + leaderIndex + " (waited " + wait.toMillis() + " ms)");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private StatusResponse status(URI member) {
    return Calls.await(clients.cluster().getMaintenanceClient().statusMember(member.toString()),
        clients.target(), member);
  }
}
