package io.etcdwarden.cli;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.installer.upgrade.MemberUpgrader;
import io.etcdwarden.installer.upgrade.UpgradeOutcome;
import io.etcdwarden.installer.upgrade.UpgradePlan;
import io.etcdwarden.installer.upgrade.UpgradePreflight;
import io.etcdwarden.installer.upgrade.UpgradeRequest;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import io.etcdwarden.storage.SnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden upgrade}: moves the member installed in {@code --data-dir} to the etcd
 * version of {@code --release} or {@code --etcd-bin}, after a preflight that changes nothing,
 * rolling back if it does not come back healthy; then prints where the cluster stands.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Upgrade the etcd member on this host to the next patch or minor version.",
        "Run it on each host in turn. Exit 0 upgraded, 1 failed (rolled back), 2 refused."})
final class UpgradeCommand implements Callable<Integer> {
  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The member's folder, as given to install.")
  Path dataDir;
  @Option(names = "--release", paramLabel = "TARBALL",
      description = "Upstream etcd-vX.Y.Z-linux-amd64.tar.gz with the new version.")
  Path release;
  @Option(names = "--release-sha256", paramLabel = "HEX", description = "Expected sha256 of --release.")
  String releaseSha256;
  @Option(names = "--etcd-bin", paramLabel = "DIR", description = "Folder holding the new etcd.")
  Path etcdBin;
  @Option(names = "--prefix", paramLabel = "DIR", defaultValue = "/opt/etcd-warden",
      description = "Where --release is unpacked, with a 'current' link (default: ${DEFAULT-VALUE}).")
  Path prefix;
  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "120s",
      description = "How long the member may take from stop to healthy and caught up"
          + " (default: ${DEFAULT-VALUE}).")
  String wait;
  @Mixin BackupGateOptions backupGate;
  @Option(names = "--dry-run", description = "Check everything and print the plan; change nothing.")
  boolean dryRun;
  @Mixin TargetOptions etcd;
  @Mixin StoreOptions store;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  UpgradeCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if ((release == null) == (etcdBin == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give exactly one of --release TARBALL or --etcd-bin DIR");
    }
    UpgradeRequest request = new UpgradeRequest(dataDir, release, releaseSha256, etcdBin, prefix,
        Durations.parse(wait, "--wait"), dryRun);
    WardenConfig config = etcd.loadConfig();
    EtcdTarget target = etcd.resolve(env);
    PrintWriter out = spec.commandLine().getOut();
    try (SnapshotStore snapshots = store.open(config);
        EtcdClients clients = new EtcdClients(target)) {
      UpgradePlan plan = new UpgradePreflight(clients).check(request,
          backupGate.gate("upgrade", snapshots, clients, config)::check);
      plan.lines().forEach(out::println);
      if (dryRun) {
        out.println("dry run: nothing changed");
        out.flush();
        return 0;
      }
      out.flush();
      UpgradeOutcome outcome = new MemberUpgrader(clients).upgrade(request, plan);
      out.println("upgrade: " + plan.record().name() + " runs " + plan.to() + ", healthy and"
          + " caught up; it was away " + outcome.restart().toMillis() + " ms (stop to healthy)");
      outcome.standing().lines().forEach(out::println);
      out.flush();
      return 0;
    }
  }
}
