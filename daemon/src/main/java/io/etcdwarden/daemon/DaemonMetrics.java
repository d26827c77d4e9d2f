package io.etcdwarden.daemon;

import io.etcdwarden.core.config.CronSchedule;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The daemon's Prometheus metrics, in its own registry (not the client's global one, so two
 * daemons in one JVM, as in tests, do not share counters): snapshot duration, size and last
 * success time, retried snapshot attempts, the cluster check's state, and runs, failures and
 * missed runs per job; the build, JVM and process metrics; and what the last survey saw
 * ({@link ClusterGauges}).
 */
final class DaemonMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ClusterGauges cluster = new ClusterGauges(registry);
  private final Gauge snapshotSeconds = Gauge.builder()
      .name("etcd_warden_snapshot_duration_seconds")
      .help("How long the last snapshot this daemon took ran, archive and verification included")
      .register(registry);
  private final Gauge snapshotBytes = Gauge.builder()
      .name("etcd_warden_snapshot_size_bytes")
      .help("Size of the last archive this daemon published").register(registry);
  private final Gauge lastSuccess = Gauge.builder()
      .name("etcd_warden_snapshot_last_success_timestamp_seconds")
      .help("Unix time of the last archive this daemon published and verified")
      .register(registry);
  private final Gauge checkState = Gauge.builder()
      .name("etcd_warden_cluster_check_state")
      .help("State of the last cluster check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN")
      .register(registry);
  private final Gauge surveyTime = Gauge.builder()
      .name("etcd_warden_cluster_check_timestamp_seconds")
      .help("Unix time of the last cluster survey").register(registry);
  private final Counter runs = Counter.builder()
      .name("etcd_warden_job_runs_total").help("Job runs by job and outcome (ok, skipped, failed)")
      .labelNames("job", "outcome").register(registry);
  private final Counter snapshotRetries = Counter.builder()
      .name("etcd_warden_snapshot_retries_total")
      .help("Scheduled snapshot attempts that failed for a retryable reason and were tried again"
          + " within their tick").register(registry);
  private final Counter misfires = Counter.builder()
      .name("etcd_warden_job_misfires_total")
      .help("Scheduled runs that started too late or not at all")
      .labelNames("job").register(registry);

  private final Gauge interval = Gauge.builder()
      .name("etcd_warden_snapshot_schedule_interval_seconds")
      .help("Seconds between two scheduled snapshots (backup.schedule), so alerts know how old"
          + " the newest archive may be").register(registry);

  private final Counter pluginRuns = Counter.builder()
      .name("etcd_warden_plugin_runs_total")
      .help("check_etcd_cluster runs asked of the fast path: served here, or declined (the"
          + " plugin then ran itself)")
      .labelNames("outcome").register(registry);

  private final Gauge drillSuccess = Gauge.builder()
      .name("etcd_warden_drill_last_success_timestamp_seconds")
      .help("Unix time of the last restore drill (backup.drill_schedule) that passed")
      .register(registry);
  private final Gauge drillRto = Gauge.builder()
      .name("etcd_warden_drill_rto_seconds")
      .help("Recovery time of the last passed drill: start to the restored keys verified")
      .register(registry);
  private final Gauge drillRtoHealthy = Gauge.builder()
      .name("etcd_warden_drill_rto_healthy_seconds")
      .help("Start of the last passed drill to its restored member healthy").register(registry);
  private final Gauge drillFailure = Gauge.builder()
      .name("etcd_warden_drill_last_failure_timestamp_seconds")
      .help("Unix time of the last scheduled restore drill that failed (0: none)")
      .register(registry);
  private final Gauge drillInterval = Gauge.builder()
      .name("etcd_warden_drill_schedule_interval_seconds")
      .help("Seconds between two scheduled restore drills (backup.drill_schedule; 0: none"
          + " scheduled), so alerts know how old the last passed drill may be")
      .register(registry);
  private final Counter drillFailures = Counter.builder()
      .name("etcd_warden_drill_failures_total")
      .help("Scheduled restore drills that failed").register(registry);

  /** Build info for {@code version}, and the JVM's and the process's own metrics. */
  DaemonMetrics(String version) {
    Info.builder().name("etcd_warden_build_info")
        .help("etcd-warden's version and the Java runtime it runs on; always 1")
        .labelNames("version", "java_version").register(registry)
        .addLabelValues(version, Runtime.version().toString());
    JvmSeries.register(registry);
    // Series a dashboard or alert reads exist from the first scrape, at 0, instead of appearing
    // only with the first misfire or plugin run (increase() over an absent series is empty).
    for (String job : java.util.List.of(WardenDaemon.HEALTH, WardenDaemon.SNAPSHOT)) {
      misfires.labelValues(job);
    }
    pluginRuns.labelValues("served");
    pluginRuns.labelValues("declined");
    drillFailures.inc(0);
  }

  ClusterGauges cluster() {
    return cluster;
  }

  /** The gap between the schedule's next two fire times after {@code now}. */
  void scheduled(CronSchedule schedule, Instant now) {
    interval.set(nextGapSeconds(schedule, now));
  }

  /** The gap between the drill schedule's next two fire times after {@code now}. */
  void drillScheduled(CronSchedule schedule, Instant now) {
    drillInterval.set(nextGapSeconds(schedule, now));
  }

  private static long nextGapSeconds(CronSchedule schedule, Instant now) {
    Instant first = schedule.next(now);
    return Duration.between(first, schedule.next(first)).toSeconds();
  }

  void pluginRun(boolean served) {
    pluginRuns.labelValues(served ? "served" : "declined").inc();
  }

  void snapshotTaken(Duration took, long bytes, Instant at) {
    snapshotSeconds.set(took.toMillis() / 1000.0);
    snapshotBytes.set(bytes);
    lastSuccess.set(at.toEpochMilli() / 1000.0);
  }

  /** A scheduled drill's outcome: times when it passed, a failure when not. */
  void drilled(ScheduledDrill.Report report, Instant at) {
    if (!report.passed()) {
      drillFailures.inc();
      drillFailure.set(at.toEpochMilli() / 1000.0);
      return;
    }
    drillSuccess.set(at.toEpochMilli() / 1000.0);
    report.rto().ifPresent(d -> drillRto.set(d.toMillis() / 1000.0));
    report.rtoHealthy().ifPresent(d -> drillRtoHealthy.set(d.toMillis() / 1000.0));
  }

  void snapshotRetried() {
    snapshotRetries.inc();
  }

  void clusterChecked(int exitCode, Instant at) {
    checkState.set(exitCode);
    surveyTime.set(at.toEpochMilli() / 1000.0);
  }

  void ran(String job, JobHistory.Outcome outcome) {
    runs.labelValues(job, outcome.name().toLowerCase(java.util.Locale.ROOT)).inc();
  }

  void misfired(String job) {
    misfires.labelValues(job).inc();
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  public void write(OutputStream out) throws IOException {
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
  }

  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
