package io.etcdwarden.cli;

import io.etcdwarden.backup.PruneDecision;
import io.etcdwarden.backup.PruneView;
import io.etcdwarden.backup.RetentionPolicy;
import io.etcdwarden.backup.SnapshotPruner;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.storage.SnapshotStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden snapshots prune}: applies the retention policy; the newest archive that
 * verifies is always kept. Prints one line per archive: kept (and why) or deleted.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Delete archives outside the retention policy (the newest sound archive is"
        + " always kept).", "Buckets count UTC hours/days/ISO weeks that have an archive."})
final class SnapshotsPruneCommand implements Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin ConfigOption config;
  @Option(names = "--keep-last", paramLabel = "N",
      description = "Keep the newest N archives (default: backup.keep_last, 7; at least 1).")
  Integer keepLastFlag;
  @Option(names = "--hourly", paramLabel = "N",
      description = "Keep the newest archive of each of the last N hours (default:"
          + " backup.keep_hourly, 24).")
  Integer hourlyFlag;
  @Option(names = "--daily", paramLabel = "N",
      description = "Keep the newest archive of each of the last N days (default:"
          + " backup.keep_daily, 7).")
  Integer dailyFlag;
  @Option(names = "--weekly", paramLabel = "N",
      description = "Keep the newest archive of each of the last N weeks (default:"
          + " backup.keep_weekly, 4).")
  Integer weeklyFlag;
  @Option(names = "--dry-run", description = "Only print what would be deleted.")
  boolean dryRun;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    output.format();
    WardenConfig loaded = config.load();
    BackupSection backup = loaded.backup();
    int keepLast = keepLastFlag != null ? keepLastFlag : backup.keepLast();
    int hourly = hourlyFlag != null ? hourlyFlag : backup.keepHourly();
    int daily = dailyFlag != null ? dailyFlag : backup.keepDaily();
    int weekly = weeklyFlag != null ? weeklyFlag : backup.keepWeekly();
    if (keepLast < 1 || hourly < 0 || daily < 0 || weekly < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--keep-last must be at least 1 and --hourly/--daily/--weekly at least 0");
    }
    List<PruneDecision> decisions;
    try (SnapshotStore snapshots = store.open(loaded)) {
      decisions = SnapshotPruner.prune(snapshots,
          new RetentionPolicy(keepLast, hourly, daily, weekly), dryRun);
    }
    output.print(new PruneView(decisions, dryRun));
    return 0;
  }
}
