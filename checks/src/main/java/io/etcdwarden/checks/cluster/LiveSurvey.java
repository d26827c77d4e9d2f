package io.etcdwarden.checks.cluster;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.time.Clock;
import java.time.Duration;

/**
 * One survey of the cluster within a check's deadline, the way {@code check_etcd_cluster} and
 * the daemon's {@code health} job both take it: two rounds of calls (member list, then the
 * members' statuses in parallel) must fit the deadline, so each call gets two fifths of it.
 */
public final class LiveSurvey {
  private LiveSurvey() {}

  /** The per-call target for a check that must answer within {@code deadline}. */
  public static EtcdTarget perCall(EtcdTarget target, Duration deadline) {
    return target.withTimeout(deadline.multipliedBy(2).dividedBy(5));
  }

  /** Opens clients for {@code perCall}, surveys, and closes them. */
  public static ClusterReport take(EtcdTarget perCall, Clock clock) {
    try (EtcdClients clients = new EtcdClients(perCall)) {
      return new ClusterSurvey(clients, perCall, clock).survey();
    }
  }
}
