package io.etcdwarden.checks.cluster;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.endpoint.EtcdctlVariables;
import io.etcdwarden.core.endpoint.TimeoutFlags;
import java.time.Clock;
import java.time.Duration;

/**
 * One survey of the cluster within a check's deadline, the way {@code check_etcd_cluster} and
 * the daemon's {@code health} job both take it: two rounds of calls (member list, then the
 * members' statuses in parallel) must fit the deadline, so each call gets two fifths of it, or
 * less when a command timeout was asked for ({@code --command-timeout}, {@code
 * ETCDCTL_COMMAND_TIMEOUT}); a dial timeout given is kept within the call's share.
 */
public final class LiveSurvey {
  private LiveSurvey() {}

  /** The per-call target for a check that must answer within {@code deadline}. */
  public static EtcdTarget perCall(EtcdTarget target, Duration deadline) {
    Duration share = deadline.multipliedBy(2).dividedBy(5);
    String origin = target.originOf(EtcdTarget.TIMEOUT);
    boolean asked = origin.equals(TimeoutFlags.COMMAND_TIMEOUT_FLAG)
        || origin.equals(EtcdctlVariables.ETCDCTL_COMMAND_TIMEOUT);
    return asked && target.timeout().compareTo(share) < 0 ? target.withTimeout(target.timeout(),
        origin) : target.withTimeout(share, "two fifths of the check's deadline");
  }

  /** Opens clients for {@code perCall}, surveys, and closes them. */
  public static ClusterReport take(EtcdTarget perCall, Clock clock) {
    try (EtcdClients clients = new EtcdClients(perCall)) {
      return new ClusterSurvey(clients, perCall, clock).survey();
    }
  }
}
