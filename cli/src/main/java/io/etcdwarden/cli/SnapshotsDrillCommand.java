package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.plugins.options.AgeOptions;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.restore.ClusterDrill;
import io.etcdwarden.restore.DrillView;
import io.etcdwarden.restore.SnapshotDrill;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code etcd-warden snapshots drill}: restores the newest (or a given) archive into a scratch
 * one-member etcd and compares it with its manifest: proof that backups restore.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = {"Restore an archive into a scratch single-member etcd on loopback and compare"
        + " revision and key count with its manifest. Removes the scratch member afterwards.",
        "Prints the recovery time as perfdata: rto_seconds (start to keys verified) and"
            + " rto_healthy_seconds (start to the restored member healthy).",
        "Exit 0 PASS, 1 FAIL."})
final class SnapshotsDrillCommand implements Callable<Integer> {
  @Option(names = "--from", paramLabel = "ARCHIVE|URI|latest", defaultValue = "latest",
      description = "A local archive, a store URI naming one, or latest (default): the newest"
          + " archive in --store that verifies.")
  String from;
  @Option(names = {"--store", "--target"}, paramLabel = "URI",
      description = "Store for --from latest (default: backup.target in warden.yaml).")
  String store;
  @Mixin ConfigOption config;
  @Option(names = "--allow-non-mount",
      description = "Accept a file:// store that is not a mount point.")
  boolean allowNonMount;
  @Option(names = "--allow-older-etcd",
      description = "Drill an archive taken from a newer etcd line than the local etcd.")
  boolean allowOlderEtcd;
  @Option(names = "--scratch-dir", paramLabel = "DIR",
      description = "Where the scratch member lives (default: the system temp directory).")
  Path scratchDir;
  @Option(names = "--members", paramLabel = "N", defaultValue = "1",
      description = "Drill a rebuild of an N-member cluster (restore --cluster on every member"
          + " at once), e.g. 3 (default: ${DEFAULT-VALUE}, a single-member restore).")
  int members;
  @picocli.CommandLine.Mixin AgeOptions keys;
  @Mixin PointInTimeOptions point;
  @Mixin OutputOptions output;
  private final Environment env;

  SnapshotsDrillCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    output.format();
    Optional<String> storeUri = Optional.ofNullable(store);
    BackupSection backup = config.load().backup();
    if (storeUri.isEmpty() && from.equals("latest")) {
      storeUri = backup.target().map(URI::toString);
    }
    Optional<AgeIdentity> identity = keys.identity(backup);
    Path scratch = scratchDir != null ? scratchDir : Path.of(System.getProperty("java.io.tmpdir"));
    String chosen = point.choose(from, storeUri, allowNonMount, identity, output.notes());
    SnapshotDrill.Outcome outcome = members == 1
        ? new SnapshotDrill(env.variables(), scratch)
            .run(chosen, storeUri, allowNonMount, allowOlderEtcd, identity)
        : new ClusterDrill(env.variables(), scratch, members)
            .run(chosen, storeUri, allowNonMount, allowOlderEtcd, identity);
    output.print(new DrillView(outcome, members, perfdata(outcome)));
    return outcome.passed() ? 0 : FailureHandler.FAILED;
  }

  /** {@code | 'rto_seconds'=..s 'rto_healthy_seconds'=..s}, the times the drill reached. */
  private static String perfdata(SnapshotDrill.Outcome outcome) {
    String items = String.join(" ", java.util.stream.Stream.of(
        outcome.rto().map(d -> Perfdata.of("rto_seconds", seconds(d), "s").bounded(0).render()),
        outcome.rtoHealthy().map(d -> Perfdata.of("rto_healthy_seconds", seconds(d), "s")
            .bounded(0).render())).flatMap(Optional::stream).toList());
    return items.isEmpty() ? "" : " | " + items;
  }

  private static double seconds(java.time.Duration d) {
    return d.toMillis() / 1000.0;
  }
}
