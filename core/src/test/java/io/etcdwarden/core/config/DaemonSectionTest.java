package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DaemonSectionTest {
  @Test
  void readsEveryKey() {
    DaemonSection daemon = WardenConfigLoader.parse("""
        daemon:
          health_interval: 30s
          listen: 127.0.0.1:9000
          lock_ttl: 15s
          state_dir: /srv/warden
        """, "warden.yaml").daemon();

    assertThat(daemon.healthInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(daemon.listen()).isEqualTo("127.0.0.1:9000");
    assertThat(daemon.lockTtl()).isEqualTo(Duration.ofSeconds(15));
    assertThat(daemon.stateDir()).isEqualTo(Path.of("/srv/warden"));
  }

  @Test
  void absentSectionMeansDefaults() {
    assertThat(WardenConfigLoader.parse("etcd:\n  port: 2379\n", "w.yaml").daemon())
        .isEqualTo(DaemonSection.defaults());
    assertThat(DaemonSection.defaults().listen()).isEqualTo("127.0.0.1:2389");
  }

  @Test
  void badListenNamesTheKey() {
    assertThatThrownBy(() -> WardenConfigLoader.parse("daemon:\n  listen: 9000\n", "w.yaml"))
        .isInstanceOf(WardenException.class)
        .hasMessage("w.yaml: daemon.listen must be host:port like 127.0.0.1:2389, got '9000'");
  }

  @Test
  void metricsListenIsOptionalAndCheckedLikeListen() {
    assertThat(DaemonSection.defaults().metricsListen()).isEmpty();
    assertThat(WardenConfigLoader.parse("daemon:\n  metrics_listen: 10.0.0.1:2390\n", "w.yaml")
        .daemon().metricsListen()).isEqualTo("10.0.0.1:2390");
    assertThatThrownBy(() -> WardenConfigLoader.parse("daemon:\n  metrics_listen: x\n",
        "w.yaml")).isInstanceOf(WardenException.class)
        .hasMessage("w.yaml: daemon.metrics_listen must be host:port like 127.0.0.1:2389, got 'x'");
  }

  @Test
  void tooShortLockTtlIsRefused() {
    assertThatThrownBy(() -> WardenConfigLoader.parse("daemon:\n  lock_ttl: 1s\n", "w.yaml"))
        .hasMessageContaining("daemon.lock_ttl must be at least 2s");
  }
}
