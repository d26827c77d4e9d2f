package io.etcdwarden.daemon;

import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the daemon's last survey saw, as gauges: members, healthy members, whether a leader is
 * agreed, each member's database size and size in use (fragmentation is their gap) and the
 * quota they are judged against, each
 * certificate's expiry, and the cluster's last scheduled snapshot as recorded in etcd ({@link
 * LastRun#KEY}). That record belongs to the cluster, so every daemon exports the same value and
 * an age alert does not fire on the members whose daemon lost the snapshot lock.
 */
final class ClusterGauges {
  private final Gauge members;
  private final Gauge healthy;
  private final Gauge hasLeader;
  private final Gauge dbBytes;
  private final Gauge dbInUseBytes;
  private final Gauge quota;
  private final Gauge certExpiry;
  private final Gauge lastRunTime;
  private final Gauge lastRunOk;
  private final Gauge lastSuccess;
  private final Gauge lastSize;

  ClusterGauges(PrometheusRegistry registry) {
    members = Gauge.builder().name("etcd_warden_cluster_members")
        .help("Members in the cluster's member list at the last survey").register(registry);
    healthy = Gauge.builder().name("etcd_warden_cluster_healthy_members")
        .help("Members reachable, with a leader, no errors and no alarms at the last survey")
        .register(registry);
    hasLeader = Gauge.builder().name("etcd_warden_cluster_has_leader")
        .help("1 when every reachable member names the same leader, else 0").register(registry);
    dbBytes = Gauge.builder().name("etcd_warden_member_db_size_bytes")
        .help("Size of the member's backend database file").labelNames("member")
        .register(registry);
    dbInUseBytes = Gauge.builder().name("etcd_warden_member_db_size_in_use_bytes")
        .help("Part of the member's database file in use (the rest is reclaimed by defrag)")
        .labelNames("member").register(registry);
    quota = Gauge.builder().name("etcd_warden_cluster_db_quota_bytes")
        .help("The backend quota the cluster check judges DB sizes against (etcd's default"
            + " 2 GiB unless configured)").register(registry);
    certExpiry = Gauge.builder().name("etcd_warden_certificate_expiry_timestamp_seconds")
        .help("Unix time a certificate expires: each member's server certificate and the"
            + " daemon's own CA and client certificates").labelNames("certificate")
        .register(registry);
    lastRunTime = Gauge.builder().name("etcd_warden_cluster_snapshot_last_run_timestamp_seconds")
        .help("Unix time the cluster's last scheduled snapshot run finished (record in etcd)")
        .register(registry);
    lastRunOk = Gauge.builder().name("etcd_warden_cluster_snapshot_last_run_ok")
        .help("1 when the cluster's last scheduled snapshot run published a verified archive")
        .register(registry);
    lastSuccess = Gauge.builder()
        .name("etcd_warden_cluster_snapshot_last_success_timestamp_seconds")
        .help("Unix time of the cluster's last scheduled snapshot that was published and"
            + " verified, by whichever daemon took it (record in etcd)").register(registry);
    lastSize = Gauge.builder().name("etcd_warden_cluster_snapshot_last_size_bytes")
        .help("Size of the archive the cluster's last successful scheduled run published")
        .register(registry);
  }

  /** Updates the cluster and certificate gauges from one survey judged against a quota. */
  void surveyed(ClusterReport report, Map<String, Instant> certificates, long quotaBytes) {
    quota.set(quotaBytes);
    members.set(report.members().size());
    healthy.set(report.members().stream().filter(MemberStatus::healthy).count());
    hasLeader.set(report.agreedLeader().isPresent() ? 1 : 0);
    dbBytes.clear();
    dbInUseBytes.clear();
    for (MemberStatus m : report.members()) {
      if (m.reachable()) {
        dbBytes.labelValues(m.displayName()).set(m.dbSizeBytes());
        dbInUseBytes.labelValues(m.displayName()).set(m.dbSizeInUseBytes());
      }
    }
    certExpiry.clear();
    certificates.forEach((name, at) -> certExpiry.labelValues(name).set(seconds(at)));
  }

  /**
   * Updates the snapshot gauges from the record in etcd. A failed run keeps the last success
   * time this daemon has seen, since the record holds only the newest run.
   */
  void lastRun(Optional<LastRun> run) {
    run.ifPresent(r -> {
      lastRunTime.set(seconds(r.finishedAt()));
      lastRunOk.set(r.ok() && r.verified() ? 1 : 0);
      if (r.ok() && r.verified()) {
        lastSuccess.set(seconds(r.finishedAt()));
        lastSize.set(r.sizeBytes());
      }
    });
  }

  private static double seconds(Instant at) {
    return at.toEpochMilli() / 1000.0;
  }
}
