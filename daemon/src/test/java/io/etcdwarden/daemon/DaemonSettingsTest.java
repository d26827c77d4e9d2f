package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonSettingsTest {
  private static final EtcdTarget TARGET = new EtcdTarget(List.of(URI.create(
      "https://127.0.0.1:2379")), Optional.empty(), Optional.empty(), Optional.empty(),
      Duration.ofSeconds(5), Map.of());

  @Test
  void aProductionDaemonTakesTheDefaultsAndEachWithChangesOne() {
    DaemonSettings settings = DaemonSettings.of(TARGET, BackupSection.defaults(),
        DaemonSection.defaults(), "1.2.3");

    assertThat(settings.instance()).isEqualTo(DaemonSettings.defaultInstance());
    assertThat(settings.misfireThreshold()).isEqualTo(DaemonSettings.DEFAULT_MISFIRE_THRESHOLD);
    assertThat(settings.stopGrace()).isEqualTo(DaemonSettings.DEFAULT_STOP_GRACE);
    assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
    assertThat(settings.maintenance()).isEqualTo(MaintenanceSection.defaults());
    assertThat(settings.maintenanceQuotaBytes())
        .isEqualTo(DaemonSettings.ETCD_DEFAULT_QUOTA_BYTES);
    DaemonSettings changed = settings.withInstance("it").withMisfireThreshold(
        Duration.ofSeconds(1)).withStopGrace(Duration.ofSeconds(2))
        .withDaemon(DaemonSection.defaults().withMetricsListen("127.0.0.2:0"))
        .withToolVersion("1.2.4").withMaintenance(MaintenanceSection.defaults(), 4096);
    assertThat(changed.instance()).isEqualTo("it");
    assertThat(changed.misfireThreshold()).isEqualTo(Duration.ofSeconds(1));
    assertThat(changed.stopGrace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(changed.daemon().metricsListen()).isEqualTo("127.0.0.2:0");
    assertThat(changed.toolVersion()).isEqualTo("1.2.4");
    assertThat(changed.maintenanceQuotaBytes()).isEqualTo(4096);
    assertThat(changed.target()).isEqualTo(TARGET);
  }
}
