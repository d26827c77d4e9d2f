package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.config.BackupSection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderedFilesTest {
  private static final Path LAUNCHER = Path.of("/opt/etcd-warden/bin/etcd-warden");
  private static final Path CONFIG = Path.of("/etc/etcd-warden/warden.yaml");

  @Test
  void unitRestartsAlwaysAndNamesTheConfig() {
    String unit = SystemdUnit.render(LAUNCHER, CONFIG);

    assertThat(unit).contains("Restart=always\n")
        .contains("ExecStart=/opt/etcd-warden/bin/etcd-warden daemon --config "
            + "/etc/etcd-warden/warden.yaml\n")
        .doesNotContain("ETCD_WARDEN_JAVA_OPTS")
        .contains("WantedBy=multi-user.target");
  }

  @Test
  void cronLineRunsSnapshotThenPruneUnderFlock() {
    BackupSection backup = new BackupSection(
        Optional.of(URI.create("s3://b/etcd?region=eu-west-1&path-style=true")), "0 */6 * * *",
        "zstd", Optional.empty(), 7, 24, 7, 4, List.of(), Optional.empty());

    String cron = CronFile.render(backup, LAUNCHER, CONFIG, Path.of("/run/lock/ew.lock"), "root");

    String line = cron.lines().filter(l -> l.startsWith("0 */6")).findFirst().orElseThrow();
    assertThat(line).startsWith("0 */6 * * * root flock -n /run/lock/ew.lock sh -c '")
        .contains("snapshot --verify --config /etc/etcd-warden/warden.yaml --target "
            + "'\\''s3://b/etcd?region=eu-west-1&path-style=true'\\'' --compression zstd")
        .contains(" && /opt/etcd-warden/bin/etcd-warden snapshots prune --target ")
        .contains("--keep-last 7 --hourly 24 --daily 7 --weekly 4");
    assertThat(cron).contains("install on ONE member only");
  }

  @Test
  void cronNeedsAFiveFieldScheduleAndATarget() {
    BackupSection quartz = new BackupSection(Optional.of(URI.create("file:///b")),
        "0/2 * * * * ?", "gzip", Optional.empty(), 7, 0, 0, 0, List.of(), Optional.empty());
    assertThatThrownBy(() -> CronFile.render(quartz, LAUNCHER, CONFIG, Path.of("/l"), "root"))
        .hasMessageContaining("cron.d needs crontab's 5");
    assertThatThrownBy(() -> CronFile.render(BackupSection.defaults(), LAUNCHER, CONFIG,
        Path.of("/l"), "root")).hasMessageContaining("backup.schedule is not set");
  }
}
