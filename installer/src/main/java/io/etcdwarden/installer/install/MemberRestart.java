package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Restarts one member with a health gate (a CA rotation's phases, {@code install --apply}):
 * refused in one line unless the whole cluster is healthy first (stopping a member of an unhealthy cluster could cost the quorum); then stop, start, and
 * wait until the member is healthy and within {@link #MAX_RAFT_LAG} entries of the leader.
 */
public final class MemberRestart {
  /** How far the restarted member's raft index may trail the leader's. */
  static final long MAX_RAFT_LAG = 1000;
  private static final long POLL_NANOS = Duration.ofMillis(200).toNanos();

  private final ClusterSurvey survey;

  public MemberRestart(ClusterSurvey survey) {
    this.survey = survey;
  }

  /** Refuses unless every member is healthy; {@code action} says what would have been done. */
  public void requireHealthy(String action) {
    ClusterReport report = survey.survey();
    if (!report.healthy()) {
      throw WardenException.badInput("refusing to " + action + ": the cluster is not healthy ("
          + report.summary() + "); restarting a member now would put the quorum at risk");
    }
  }

  /** Restarts the member in {@code layout}; returns how long it was away. */
  public Duration restart(MemberLayout layout, MemberRecord record, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    ServiceManager services = ServiceManagers.forMode(record.serviceMode());
    ServiceSpec spec = layout.serviceSpec(record.name(), record.etcdBinary());
    long stopped = System.nanoTime();
    services.remove(spec);
    services.start(spec);
    new StartupWait(() -> services.isRunning(spec), layout.logFile())
        .awaitHealthy(record.metricsUrl(), left(deadline));
    String last = "no survey yet";
    while (true) {
      ClusterReport report = survey.survey();
      Optional<MemberStatus> me = report.members().stream()
          .filter(m -> m.name().equals(record.name())).findFirst();
      long leader = report.members().stream().filter(MemberStatus::leader)
          .mapToLong(MemberStatus::raftIndex).max().orElse(0);
      if (me.isEmpty() || !me.get().reachable()) {
        last = record.name() + " does not answer";
      } else if (!report.healthy()) {
        last = report.summary();
      } else if (leader - me.get().raftIndex() > MAX_RAFT_LAG) {
        last = record.name() + " trails the leader by " + (leader - me.get().raftIndex());
      } else {
        return Duration.ofNanos(System.nanoTime() - stopped);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new WardenException(record.name() + " did not come back healthy within --wait: "
            + last + "; see " + layout.logFile());
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }
}
