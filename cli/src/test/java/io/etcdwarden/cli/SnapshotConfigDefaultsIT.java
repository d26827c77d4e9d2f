package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Without flags, {@code snapshot} and {@code snapshots} take their settings from backup:. */
class SnapshotConfigDefaultsIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path dir;

  @Test
  void theBackupSectionSuppliesTargetAndCompression() throws Exception {
    Path config = Files.writeString(dir.resolve("warden.yaml"), String.join("\n",
        "backup:",
        "  target: file://" + store + "?allow-non-mount=true",
        "  compression: zstd",
        "  keep_last: 1", ""));

    CliRun snapshot = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--config",
        config.toString());
    CliRun list = CliRun.run(etcd.etcdctlEnvironment(), "snapshots", "list", "--long", "--config",
        config.toString());

    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    assertThat(snapshot.out()).containsPattern("snapshot.path: " + store + "/etcd-snapshot-.*"
        + "\\.tar\\.zst");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains(".tar.zst").contains("etcd0");
  }

  @Test
  void noTargetAnywhereIsAUsageErrorNamingBoth() throws Exception {
    Path config = Files.writeString(dir.resolve("warden.yaml"), "backup:\n  compression: zstd\n");

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--config",
        config.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("--target").contains("backup.target");
  }
}
