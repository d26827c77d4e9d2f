package io.etcdwarden.cli;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import io.etcdwarden.storage.SnapshotStore;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;

/**
 * The option block of the maintenance commands that rewrite members' databases ({@code defrag},
 * {@code recover nospace}): the cluster to reach, the quota that sizes are judged against, and
 * the backup gate with the store it reads. {@link #behindBackupGate} connects, prints the gate's
 * line and only then hands the cluster to the command.
 */
final class GatedMaintenanceOptions {
  @Mixin QuotaOption quota;
  @Mixin BackupGateOptions backup;
  @Mixin TargetOptions etcd;
  @Mixin StoreOptions store;

  /** The members' quota-backend-bytes, as {@link QuotaOption} resolves it. */
  long quotaBytes() {
    return quota.bytes();
  }

  /**
   * Loads the config once, connects, requires the backup gate (its line printed to {@code out})
   * and runs {@code work} with the clients; the store is opened only when the gate reads it.
   */
  void behindBackupGate(Environment env, PrintWriter out, Consumer<EtcdClients> work) {
    WardenConfig config = etcd.loadConfig();
    try (EtcdClients clients = new EtcdClients(etcd.resolve(env));
        SnapshotStore snapshots = backup.noBackupGate ? null : store.open(config)) {
      out.println(backup.gate(snapshots, clients, config).require());
      out.flush();
      work.accept(clients);
    }
  }
}
