package io.etcdwarden.daemon;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.CronSchedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One scheduled restore drill for the whole cluster: under its own cluster-wide lock
 * ({@link #KEYS}), so one daemon drills per tick, it runs the {@link ScheduledDrill} and exports
 * the outcome ({@link DaemonMetrics#drilled}); a failed drill leaves the tick open for another
 * daemon and counts as a drill failure.
 */
final class DrillJob {
  static final LockKeys KEYS = new LockKeys("/etcd-warden/locks/drill",
      "/etcd-warden/drill/last-tick", "/etcd-warden/drill/running",
      "/etcd-warden/drill/last-run");

  private final DaemonSettings settings;
  private final EtcdClients clients;
  private final EtcdClients waiting;
  private final CronSchedule schedule;
  private final ScheduledDrill drill;
  private final DaemonMetrics metrics;

  DrillJob(DaemonSettings settings, EtcdClients clients, EtcdClients waiting,
      CronSchedule schedule, ScheduledDrill drill, DaemonMetrics metrics) {
    this.settings = settings;
    this.clients = clients;
    this.waiting = waiting;
    this.schedule = schedule;
    this.drill = drill;
    this.metrics = metrics;
  }

  JobResult run(Instant firedFor) {
    return ClusterTick.serve("drill", KEYS, settings, clients, waiting, schedule, firedFor,
        this::drill);
  }

  private JobResult drill(SnapshotLock lock, Instant tick, SnapshotLock.Served served) {
    ScheduledDrill.Report report = drill.drill();
    metrics.drilled(report, settings.clock().instant());
    String line = "tick " + tick + ": " + report.line();
    byte[] record = line.getBytes(StandardCharsets.UTF_8);
    if (!report.passed()) {
      lock.recordFailure(record);
      return new JobResult(JobHistory.Outcome.FAILED, line);
    }
    if (!lock.claim(tick, served, record)) {
      return new JobResult(JobHistory.Outcome.FAILED, line + "; lost the drill lock while"
          + " running (lease expired?)");
    }
    return new JobResult(JobHistory.Outcome.OK, line);
  }
}
