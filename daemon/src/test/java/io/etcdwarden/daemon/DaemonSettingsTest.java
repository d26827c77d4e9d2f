package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
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

    assertThat(settings).isEqualTo(new DaemonSettings(TARGET, BackupSection.defaults(),
        DaemonSection.defaults(), DaemonSettings.defaultInstance(),
        DaemonSettings.DEFAULT_MISFIRE_THRESHOLD, DaemonSettings.DEFAULT_STOP_GRACE,
        Clock.systemUTC(), "1.2.3"));
    DaemonSettings changed = settings.withInstance("it").withMisfireThreshold(
        Duration.ofSeconds(1)).withStopGrace(Duration.ofSeconds(2));
    assertThat(changed.instance()).isEqualTo("it");
    assertThat(changed.misfireThreshold()).isEqualTo(Duration.ofSeconds(1));
    assertThat(changed.stopGrace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(changed.toolVersion()).isEqualTo("1.2.3");
    assertThat(changed.target()).isEqualTo(TARGET);
  }
}
