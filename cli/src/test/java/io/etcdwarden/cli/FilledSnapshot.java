package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import java.nio.file.Path;

/**
 * The archive the drill tests start from: the member under test filled with {@code bytes} of
 * keys, then one {@code snapshot} into a {@code file://} store (not a mount point), which must
 * succeed; its printed fields are read with {@link RestoreMigrationIT#field}.
 */
final class FilledSnapshot {
  private FilledSnapshot() {}

  static CliRun take(EtcdClusterExtension etcd, Path store, long bytes) throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), bytes);
    }
    CliRun snapshot = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + store, "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    return snapshot;
  }
}
