package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.daemon.DaemonSettings;
import io.etcdwarden.daemon.WardenDaemon;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with {@code backup.drill_schedule}: on its tick it drills the newest archive of a
 * volume store into a scratch member (the real restore, etcd and all) and exports the result:
 * after the first tick {@code /metrics} shows the last success time and the recovery time, and
 * no drill failure.
 */
class DrillScheduleIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path state;

  @Test
  void aScheduledDrillExportsItsRecoveryTime() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      for (int i = 0; i < 20; i++) {
        PatientPut.put(clients.cluster().getKVClient(), "/drill/k" + i, "v" + i);
      }
    }
    URI target = URI.create("file://" + store + "?allow-non-mount=true");
    CliRun snapshot = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target",
        target.toString());
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    BackupSection backup = BackupSection.defaults().withTarget(target)
        .withDrillSchedule("0/5 * * * * ?");
    DaemonSettings settings = DaemonSettings.of(etcd.target(), backup,
        new DaemonSection(Duration.ofHours(1), "127.0.0.1", 0, Duration.ofSeconds(3),
            state), "test").withInstance("drill-it").withStopGrace(Duration.ofSeconds(5));

    try (WardenDaemon daemon = WardenDaemon.start(settings,
        DaemonCommand.drills(backup, ENV))) {
      String listen = "127.0.0.1:" + daemon.address().getPort();
      assertThat(value(metrics(listen), "etcd_warden_drill_failures_total")).contains(0.0);
      assertThat(value(metrics(listen), "etcd_warden_drill_schedule_interval_seconds"))
          .contains(5.0);
      String metrics = Await.until(Duration.ofSeconds(180), "a scheduled drill's outcome",
          () -> metrics(listen),
          m -> value(m, "etcd_warden_drill_last_success_timestamp_seconds").orElse(0.0) > 0
              || value(m, "etcd_warden_drill_failures_total").orElse(0.0) > 0);

      assertThat(value(metrics, "etcd_warden_drill_failures_total")).as(metrics).contains(0.0);
      assertThat(value(metrics, "etcd_warden_drill_last_success_timestamp_seconds"))
          .as(metrics).get().satisfies(t -> assertThat(t)
              .isGreaterThan(System.currentTimeMillis() / 1000.0 - 300));
      double rto = value(metrics, "etcd_warden_drill_rto_seconds").orElseThrow();
      double healthy = value(metrics, "etcd_warden_drill_rto_healthy_seconds").orElseThrow();
      assertThat(healthy).isPositive().isLessThanOrEqualTo(rto);
    }
  }

  private static String metrics(String listen) throws Exception {
    try (InputStream in = URI.create("http://" + listen + "/metrics").toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<Double> value(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(metrics);
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }
}
