package io.etcdwarden.cli;

import io.etcdwarden.backup.CatalogEntry;
import io.etcdwarden.backup.CatalogRow;
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
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    WardenConfig loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    try (SnapshotStore snapshots = store.open(loaded)) {
      if (long_) {
        printLong(CatalogRow.of(SnapshotCatalog.list(snapshots, keys.identity(loaded.backup())),
            snapshots), out);
        return 0;
      }
      String format = "%-44s %10s %8s%n";
      out.printf(format, "NAME", "SIZE", "AGE");
      for (CatalogEntry e : SnapshotCatalog.listNames(snapshots)) {
        Duration age = Duration.between(e.stored().modified(), clock.instant());
        out.printf(format, e.stored().name(), mebibytes(e.stored().sizeBytes()), age(age));
      }
    }
    out.flush();
    return 0;
  }

  private static void printLong(List<CatalogRow> rows, PrintWriter out) {
    String format = "%-48s %10s %-24s %10s %-5s %-9s %-8s %s%n";
    out.printf(format, "NAME", "SIZE", "CREATED", "REVISION", "CODEC", "ENCRYPTED", "VERIFIED",
        "MEMBER");
    for (CatalogRow r : rows) {
      out.printf(format, r.name(), mebibytes(r.sizeBytes()), r.createdAt().orElse("?"),
          r.revision().isPresent() ? Long.toString(r.revision().getAsLong()) : "?", r.codec(),
          r.encrypted() ? "age" : "no", r.verified() ? "yes" : "no",
          (r.member() + " " + r.note()).strip());
    }
    out.flush();
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
