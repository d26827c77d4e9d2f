package io.etcdwarden.cli;

import io.etcdwarden.backup.ArchiveKeys;
import io.etcdwarden.backup.BackupGate;
import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.RecentArchive;
import io.etcdwarden.backup.SnapshotArchiver;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.plugins.options.WardenVersion;
import io.etcdwarden.storage.SnapshotStore;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of the backup gate in front of a risky change: maintenance that rewrites members'
 * databases, an upgrade.
 */
final class BackupGateOptions {
  @Option(names = "--backup-max-age", paramLabel = "DURATION", defaultValue = "1h",
      description = "Newest verified archive in the backup target must be younger"
          + " (default: ${DEFAULT-VALUE}).")
  String backupMaxAge;
  @Option(names = "--snapshot-first", description = "Take and verify an archive now instead.")
  boolean snapshotFirst;
  @Option(names = "--no-backup-gate", description = "Run without a recent verified archive.")
  boolean noBackupGate;

  /** The gate the flags ask for; the store is only read when one is required. */
  BackupGate gate(SnapshotStore store, EtcdClients clients, WardenConfig config) {
    return gate("maintenance", store, clients, config);
  }

  /** As {@link #gate(SnapshotStore, EtcdClients, WardenConfig)}; refusals name {@code action}. */
  BackupGate gate(String action, SnapshotStore store, EtcdClients clients, WardenConfig config) {
    if (noBackupGate) {
      return BackupGate.none(action);
    }
    RecentArchive archives = new RecentArchive(store, Clock.systemUTC());
    if (snapshotFirst) {
      return BackupGate.takeNow(action, archives, new SnapshotArchiver(clients, clients.target(),
          Clock.systemUTC(), WardenVersion.version())
          .withEncryption(ArchiveKeys.recipients(List.of(), config.backup())),
          Compression.ofFlag(config.backup().compression()));
    }
    return BackupGate.recent(action, archives, Durations.parse(backupMaxAge, "--backup-max-age"));
  }
}
