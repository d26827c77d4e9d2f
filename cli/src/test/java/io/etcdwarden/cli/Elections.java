package io.etcdwarden.cli;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.time.Clock;
import java.time.Duration;

/**
 * Waits, with a deadline, until the members still running agree on a leader: killing the leader
 * starts an election (about a second here), during which every check rightly says CRITICAL.
 */
final class Elections {
  private Elections() {}

  static void awaitLeader(EtcdClusterExtension etcd, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ClusterReport last = null;
    while (System.nanoTime() < deadline) {
      try (EtcdClients clients = new EtcdClients(etcd.target())) {
        last = new ClusterSurvey(clients, etcd.target(), Clock.systemUTC()).survey();
      }
      if (last.agreedLeader().isPresent()) {
        return;
      }
    }
    throw new AssertionError("no leader within " + timeout + ": " + last);
  }
}
