package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running daemon: {@code /v1/status} with every job's schedule and
 * next run, {@code /metrics} in Prometheus text, and runs missed while the snapshot lock was
 * held elsewhere reported as misfires rather than silently dropped.
 */
class DaemonStatusIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void statusAndMetricsShowJobsAndMissedRuns() throws Exception {
    Files.createDirectories(tmp.resolve("store"));
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      Client client = clients.cluster();
      // Someone else holds the snapshot lock for 6 s: the 1-s ticks queue up behind it.
      long lease = client.getLeaseClient().grant(30).get(5, TimeUnit.SECONDS).getID();
      ByteSequence held = client.getLockClient().lock(ByteSequence.from(SnapshotLock.NAME,
          StandardCharsets.UTF_8), lease).get(5, TimeUnit.SECONDS).getKey();
      try (WardenDaemon daemon = WardenDaemon.start(Daemons.settings("s1", etcd.target(),
          Optional.of(Daemons.store(tmp.resolve("store"))), "* * * * * ?",
          Duration.ofSeconds(1), tmp.resolve("state")))) {
        URI base = URI.create("http://127.0.0.1:" + daemon.address().getPort());
        awaitMisfire(daemon);
        client.getLockClient().unlock(held).get(5, TimeUnit.SECONDS);
        awaitSucceeded(daemon);

        DaemonStatus status = DaemonStatus.fromJson(get(base.resolve("/v1/status")));
        String metrics = new String(get(base.resolve("/metrics")), StandardCharsets.UTF_8);

        assertThat(status.instance()).isEqualTo("s1");
        assertThat(status.jobs()).extracting(DaemonStatus.Job::name)
            .containsExactly("health", "snapshot", "prune");
        DaemonStatus.Job snapshot = status.jobs().get(1);
        assertThat(snapshot.schedule()).isEqualTo("* * * * * ? (UTC)");
        assertThat(snapshot.nextRun()).isNotEmpty();
        assertThat(snapshot.misfires()).isPositive();
        // health runs every second: the status may catch it mid-run
        assertThat(status.jobs().get(0).lastResult())
            .matches(r -> r.equals("running") || r.startsWith(HealthyClusterVerdict.summary(1)));
        assertThat(daemon.history().recent(WardenDaemon.HEALTH)).last()
            .matches(r -> r.result().startsWith(HealthyClusterVerdict.summary(1)));
        assertThat(metrics)
            .contains("etcd_warden_snapshot_size_bytes ")
            .contains("etcd_warden_snapshot_last_success_timestamp_seconds ")
            .contains("etcd_warden_snapshot_duration_seconds ")
            .contains("etcd_warden_cluster_check_state " + HealthyClusterVerdict.exitCode() + ".0")
            .containsPattern("etcd_warden_job_runs_total\\{job=\"snapshot\",outcome=\"ok\"\\} ")
            .containsPattern("etcd_warden_job_misfires_total\\{job=\"snapshot\"\\} [1-9]");
      } finally {
        client.getLeaseClient().revoke(lease).get(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitMisfire(WardenDaemon daemon) {
    Await.until(Duration.ofSeconds(20), "a misfired snapshot tick in the daemon's history",
        () -> daemon.history().entry(WardenDaemon.SNAPSHOT).misfires() > 0);
  }

  private static void awaitSucceeded(WardenDaemon daemon) {
    Await.until(Duration.ofSeconds(30), "a successful snapshot in the daemon's history",
        () -> daemon.history().entry(WardenDaemon.SNAPSHOT).succeeded() > 0);
  }

  private static byte[] get(URI uri) throws Exception {
    var http = (java.net.HttpURLConnection) uri.toURL().openConnection();
    try (InputStream in = http.getInputStream()) {
      assertThat(http.getResponseCode()).isEqualTo(200);
      return in.readAllBytes();
    } finally {
      http.disconnect();
    }
  }
}
