package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.file.VolumeStores;
import picocli.CommandLine.Option;

/**
 * The flags every snapshot command shares: where the archives live. Without {@code --target}
 * the config file's {@code backup.target} is used.
 */
final class StoreOptions {
  @Option(names = "--target", paramLabel = "URI",
      description = {"Where archives live (default: backup.target in the config file):"
          + " file:///mnt/etcd-backups (a mounted volume; ?min-free-mb=N, default 64) or"
          + " s3://bucket/prefix (?endpoint=URL&region=R&path-style=true&sse=AES256|aws:kms"
          + "&part-size-mb=8) or gs://bucket/prefix (?project=P&chunk-size-mb=16&timeout-ms=N)."})
  String target;

  @Option(names = "--allow-non-mount",
      description = "Accept a file:// directory that is not a mount point.")
  boolean allowNonMount;

  /** Opens --target, else the config's backup.target; neither is a usage error. */
  SnapshotStore open(WardenConfig config) {
    String origin = "--target";
    String uri = target;
    if (uri == null) {
      uri = config.backup().target().map(Object::toString).orElseThrow(() ->
          WardenException.badInput("no --target given and no " + BackupSection.NAME + "."
              + BackupSection.TARGET + " in the config file: say where the archives live"));
      origin = BackupSection.NAME + "." + BackupSection.TARGET;
    }
    if (allowNonMount && uri.startsWith("file:")) {
      uri += (uri.contains("?") ? "&" : "?") + VolumeStores.ALLOW_NON_MOUNT + "=true";
    }
    return SnapshotStores.open(uri, origin);
  }
}
