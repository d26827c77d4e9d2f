package io.etcdwarden.daemon;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings for in-process test daemons: loopback port 0, short schedules, a volume store. */
final class Daemons {
  private Daemons() {}

  static URI store(Path dir) {
    return URI.create(dir.toUri() + "?allow-non-mount=true&min-free-mb=1");
  }

  static DaemonSettings settings(String instance, EtcdTarget target, Optional<URI> store,
      String schedule, Duration healthInterval, Path stateDir) {
    BackupSection backup = new BackupSection(store, schedule, "gzip", Optional.empty(),
        50, 0, 0, 0, java.util.List.of(), Optional.empty());
    DaemonSection daemon = new DaemonSection(healthInterval, "127.0.0.1", 0,
        Duration.ofSeconds(3), stateDir);
    return DaemonSettings.of(target, backup, daemon, "test").withInstance(instance)
        .withMisfireThreshold(Duration.ofSeconds(1)).withStopGrace(Duration.ofSeconds(10));
  }
}
