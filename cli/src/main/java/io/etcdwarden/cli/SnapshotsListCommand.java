package io.etcdwarden.cli;

import io.etcdwarden.backup.CatalogEntry;
import io.etcdwarden.backup.SnapshotCatalog;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.storage.SnapshotStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden snapshots list}: complete archives with size and age from the store's
 * listing alone; {@code --long} adds revision and member from each archive's manifest, which in
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
      description = "Add REVISION and MEMBER from each archive's manifest (reads, and on S3/GCS"
          + " downloads, every archive whole).")
  boolean long_;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<CatalogEntry> entries;
    WardenConfig loaded = config.load();
    try (SnapshotStore snapshots = store.open(loaded)) {
      entries = long_ ? SnapshotCatalog.list(snapshots, keys.identity(loaded.backup()))
          : SnapshotCatalog.listNames(snapshots);
    }
    PrintWriter out = spec.commandLine().getOut();
    String format = long_ ? "%-44s %10s %8s %10s %s%n" : "%-44s %10s %8s%n";
    out.printf(format, "NAME", "SIZE", "AGE", "REVISION", "MEMBER");
    Clock clock = Clock.systemUTC();
    for (CatalogEntry e : entries) {
      Duration age = Duration.between(e.stored().modified(), clock.instant());
      out.printf(format, e.stored().name(), mebibytes(e.stored().sizeBytes()), age(age),
          e.manifest().map(m -> Long.toString(m.revision())).orElse("?"),
          e.manifest().map(m -> m.memberName() + (e.note().isEmpty() ? "" : " " + e.note()))
              .orElse(e.note()));
    }
    out.flush();
    return 0;
  }

  private static String mebibytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }

  private static String age(Duration age) {
    if (age.toDays() > 0) {
      return age.toDays() + "d";
    }
    if (age.toHours() > 0) {
      return age.toHours() + "h";
    }
    return Math.max(0, age.toMinutes()) + "m";
  }
}
