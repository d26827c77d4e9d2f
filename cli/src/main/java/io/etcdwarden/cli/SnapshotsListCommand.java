package io.etcdwarden.cli;

import io.etcdwarden.backup.CatalogRow;
import io.etcdwarden.backup.CatalogView;
import io.etcdwarden.backup.SnapshotCatalog;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.plugins.options.AgeOptions;
import io.etcdwarden.storage.SnapshotStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code etcd-warden snapshots list}: complete archives with size and age from the store's
 * listing alone; {@code --long} shows what {@code restore --before/--at-revision} chooses from:
 * created_at, revision and member from each archive's manifest, codec, encryption and the
 * store's verification mark. The manifest in
 * one-pass archives follows the database, so it reads every archive whole (a download per
 * archive on S3 or GCS): never the default.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List complete archives (those with a .sha256), oldest first.")
final class SnapshotsListCommand implements Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin ConfigOption config;
  @Mixin AgeOptions keys;
  @Option(names = {"-l", "--long"},
      description = "What restore --before/--at-revision choose from: CREATED and REVISION from"
          + " each archive's manifest, CODEC, ENCRYPTED, VERIFIED (the store's mark) and MEMBER"
          + " (reads, and on S3/GCS downloads, every archive whole).")
  boolean long_;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.format();
    WardenConfig loaded = config.load();
    CatalogView view;
    try (SnapshotStore snapshots = store.open(loaded)) {
      view = long_ ? CatalogView.detailed(CatalogRow.of(SnapshotCatalog.list(snapshots,
          keys.identity(loaded.backup())), snapshots))
          : CatalogView.names(SnapshotCatalog.listNames(snapshots), Clock.systemUTC().instant());
    }
    output.print(view);
    return 0;
  }
}
