package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.maintenance.CompactRequest;
import io.etcdwarden.maintenance.Compactor;
import io.etcdwarden.maintenance.RevisionHistory;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden compact [--revision N | --retain DURATION | --keep-revisions N]
 * [--physical]}: compacts the key history, never past the current revision; {@code --retain}
 * finds its revision in the daemon's {@link RevisionHistory}. Exit 0 done, 1 failed, 2 refused.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
    description = {"Compact etcd's key history (default: up to the current revision).",
        "Exit 0 compacted or nothing to do, 1 failed, 2 refused."})
final class CompactCommand implements Callable<Integer> {
  @Option(names = "--revision", paramLabel = "N", description = "Compact up to revision N.")
  long revision;
  @Option(names = "--keep-revisions", paramLabel = "N",
      description = "Keep the newest N revisions of history.")
  long keepRevisions;
  @Option(names = "--retain", paramLabel = "DURATION",
      description = "Keep this much history (e.g. 2h), as the daemon's revision history knows it.")
  String retain;
  @Option(names = "--physical", description = "Wait until the space is freed in the backend.")
  boolean physical;
  @Mixin TargetOptions etcd;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  CompactCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (retain != null && (revision != 0 || keepRevisions != 0)) {
      throw WardenException.badInput("give one of --revision, --retain or --keep-revisions");
    }
    java.time.Duration keep = retain == null ? null : Durations.parse(retain, "--retain");
    try (EtcdClients clients = new EtcdClients(etcd.resolve(env))) {
      CompactRequest request = keep == null
          ? new CompactRequest(revision, keepRevisions, physical)
          : new CompactRequest(new RevisionHistory(clients).revisionOlderThan(keep,
              Instant.now()), 0, physical);
      spec.commandLine().getOut().println(new Compactor(clients).compact(request));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
