package io.etcdwarden.cli;

import io.etcdwarden.backup.PruneDecision;
import io.etcdwarden.backup.RetentionPolicy;
import io.etcdwarden.backup.SnapshotPruner;
import java.io.PrintWriter;
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
  @Option(names = "--keep-last", paramLabel = "N", defaultValue = "7",
      description = "Keep the newest N archives (default ${DEFAULT-VALUE}, at least 1).")
  int keepLast;
  @Option(names = "--hourly", paramLabel = "N", defaultValue = "24",
      description = "Keep the newest archive of each of the last N hours (default 24).")
  int hourly;
  @Option(names = "--daily", paramLabel = "N", defaultValue = "7",
      description = "Keep the newest archive of each of the last N days (default 7).")
  int daily;
  @Option(names = "--weekly", paramLabel = "N", defaultValue = "4",
      description = "Keep the newest archive of each of the last N weeks (default 4).")
  int weekly;
  @Option(names = "--dry-run", description = "Only print what would be deleted.")
  boolean dryRun;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (keepLast < 1 || hourly < 0 || daily < 0 || weekly < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--keep-last must be at least 1 and --hourly/--daily/--weekly at least 0");
    }
    List<PruneDecision> decisions = SnapshotPruner.prune(store.open(),
        new RetentionPolicy(keepLast, hourly, daily, weekly), dryRun);
    PrintWriter out = spec.commandLine().getOut();
    String deleted = dryRun ? "would delete" : "deleted";
    for (PruneDecision d : decisions) {
      out.println((d.kept() ? "kept         " : String.format("%-13s", deleted)) + d.name()
          + " (" + d.reason() + ")");
    }
    out.flush();
    return 0;
  }
}
