package io.etcdwarden.maintenance;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves leadership away from a member about to be defragmented, to the voting follower that has
 * applied the most (etcd's MoveLeader, sent to the leader itself, which is the only member that
 * accepts it), and waits until every member sees the new leader.
 */
final class LeaderMove {
  private final EtcdClients clients;
  private final ClusterReader reader;
  private final ClusterGate gate;

  LeaderMove(EtcdClients clients, ClusterReader reader, ClusterGate gate) {
    this.clients = clients;
    this.reader = reader;
    this.gate = gate;
  }

  /** Moves leadership from {@code leader}; returns the line saying so. */
  String moveAwayFrom(MemberReport leader, ClusterReading reading, Duration wait) {
    MemberReport to = reading.members().stream()
        .filter(m -> !m.leader() && !m.learner() && m.reachable())
        .max(Comparator.comparingLong(MemberReport::appliedIndex))
        .orElseThrow(() -> new WardenException("no voting follower to take over leadership"));
    URI leaderUrl = URI.create(leader.clientUrl());
    Calls.await(clients.member(leaderUrl).getMaintenanceClient()
        .moveLeader(Long.parseUnsignedLong(to.memberId(), 16)), clients.target(), wait,
        leaderUrl);
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      ClusterReading now = gate.ready(wait);
      if (now.leader().map(l -> !l.memberId().equals(leader.memberId())).orElse(false)) {
        return "moved leadership from " + leader.displayName() + " to "
            + now.leader().get().displayName();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    throw new WardenException("leadership did not move away within " + wait.toMillis() + " ms");
  }
}
