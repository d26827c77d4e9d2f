package io.etcdwarden.daemon;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.cluster.CertificateExpiry;
import io.etcdwarden.checks.cluster.ClusterCheck;
import io.etcdwarden.checks.cluster.ClusterExtras;
import io.etcdwarden.checks.cluster.ClusterThresholds;
import io.etcdwarden.checks.warm.CachedSurvey;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The {@code health} job: the same survey {@code check_etcd_cluster} takes, kept as the last
 * one for the warm path, and judged with etcd's default thresholds for the metrics and status.
 * The plugin re-judges the kept survey with its own thresholds; the members' server
 * certificates are fetched here too, so the plugin need not shake hands with them.
 */
@DisallowConcurrentExecution
final class HealthJob implements Job {
  private final EtcdClients clients;
  private final EtcdTarget perCall;
  private final Clock clock;
  private final JobRunner runner;
  private final DaemonMetrics metrics;
  private final AtomicReference<CachedSurvey> last = new AtomicReference<>();
  private final Optional<RevisionRecorder> revisions;

  HealthJob(EtcdClients clients, Clock clock, JobRunner runner, DaemonMetrics metrics) {
    this(clients, clock, runner, metrics, null);
  }

  /** As the other, also adding to the revision history after each survey (when not null). */
  HealthJob(EtcdClients clients, Clock clock, JobRunner runner, DaemonMetrics metrics,
      RevisionRecorder revisions) {
    this.revisions = Optional.ofNullable(revisions);
    this.clients = clients;
    this.perCall = clients.target();
    this.clock = clock;
    this.runner = runner;
    this.metrics = metrics;
  }

  @Override
  public void execute(JobExecutionContext context) {
    runner.run(WardenDaemon.HEALTH, () -> {
      ClusterReport report = new ClusterSurvey(clients, perCall, clock).survey();
      Map<String, Instant> serverExpiry = CertificateExpiry.serverExpiry(report,
          perCall.timeout().dividedBy(2));
      last.set(new CachedSurvey(report, serverExpiry, perCall.endpoints()));
      ClusterThresholds limits = ClusterThresholds.defaults();
      CheckResult verdict = ClusterCheck.evaluate(report, limits,
          ClusterExtras.of(perCall, limits, Optional.empty(), clock, Optional.of(serverExpiry)));
      metrics.clusterChecked(verdict.overall().exitCode(), report.takenAt());
      metrics.cluster().surveyed(report, CertificateExpiries.of(perCall, serverExpiry),
          limits.quotaBytes());
      metrics.cluster().lastRun(LastRunRecord.read(clients));
      revisions.ifPresent(RevisionRecorder::record);
      return new JobResult(JobHistory.Outcome.OK, verdict.overall() + ": "
          + verdict.summary(), verdict.overall().name());
    });
  }

  /** The last survey, if one was taken. */
  Optional<CachedSurvey> last() {
    return Optional.ofNullable(last.get());
  }
}
