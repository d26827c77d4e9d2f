package io.etcdwarden.plugins;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.checks.backup.ArchiveVerifier;
import io.etcdwarden.checks.backup.BackupCheck;
import io.etcdwarden.checks.backup.LastRunReader;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.storage.SnapshotStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Nagios plugin {@code check_etcd_backup} ({@code etcd-warden check backup}): judges the
 * store by its newest complete archive and the daemon's last scheduled run. Like
 * {@link ClusterPlugin}, it parses its own arguments ({@link BackupCheckOptions}), so every bad
 * argument is one UNKNOWN line, exit 3.
 */
public final class BackupPlugin {
  static final String SERVICE = "ETCD_BACKUP";

  private BackupPlugin() {}

  /** One run with the process's arguments and environment; prints it, returns the exit code. */
  public static int run(List<String> args, Environment env, PrintWriter out) {
    return PluginRun.parsing(SERVICE, new BackupCheckOptions(), args, out, options -> {
      var deadline = options.deadline();
      WardenConfig config = options.target.loadConfig();
      var thresholds = options.thresholds(config.backup(), Clock.systemUTC().instant());
      // The last-run read and the archive check share the deadline with the store's calls.
      SnapshotStore store = options.openStore(config.backup(), deadline.dividedBy(2));
      Supplier<LastRunReader.Outcome> lastRun;
      if (options.noLastRun) {
        lastRun = () -> new LastRunReader.Outcome(Optional.empty(), "");
      } else {
        EtcdTarget target = options.target.resolve(env);
        lastRun = () -> LastRunReader.read(target);
      }
      Optional<AgeIdentity> identity = options.verify ? options.keys.identity(config.backup())
          : Optional.empty();
      Optional<ArchiveVerifier> verifier = options.verify
          ? Optional.of(name -> SnapshotVerifier.verify(store, name, identity).problems())
          : Optional.empty();
      return PluginRun.run(SERVICE, () -> new BackupCheck(store, lastRun, verifier, thresholds,
          Clock.systemUTC()).run(), deadline, 0, out);
    });
  }
}
