package io.etcdwarden.cli;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.file.VolumeStores;
import picocli.CommandLine.Option;

/** The flags every snapshot command shares: where the archives live. */
final class StoreOptions {
  @Option(names = "--target", paramLabel = "URI", required = true,
      description = {"Where archives live: file:///mnt/etcd-backups (a mounted volume;"
          + " ?min-free-mb=N, default 64) or s3://bucket/prefix (?endpoint=URL&region=R"
          + "&path-style=true&sse=AES256|aws:kms&part-size-mb=16) or gs://bucket/prefix"
          + " (?project=P&chunk-size-mb=16)."})
  String target;

  @Option(names = "--allow-non-mount",
      description = "Accept a file:// directory that is not a mount point.")
  boolean allowNonMount;

  SnapshotStore open() {
    String uri = target;
    if (allowNonMount && uri.startsWith("file:")) {
      uri += (uri.contains("?") ? "&" : "?") + VolumeStores.ALLOW_NON_MOUNT + "=true";
    }
    return SnapshotStores.open(uri, "--target");
  }
}
