package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.core.config.BackupSection;
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
  @picocli.CommandLine.Mixin AgeOptions keys;
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
    SnapshotDrill.Outcome outcome = new SnapshotDrill(env.variables(), scratch)
        .run(from, storeUri, allowNonMount, allowOlderEtcd, identity);
    output.print(new DrillView(outcome));
    return outcome.passed() ? 0 : FailureHandler.FAILED;
  }
}
