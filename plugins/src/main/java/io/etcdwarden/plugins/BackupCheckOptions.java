package io.etcdwarden.plugins;

import io.etcdwarden.checks.Range;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.checks.backup.BackupThresholds;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.plugins.options.AgeOptions;
import io.etcdwarden.plugins.options.TargetOptions;
import io.etcdwarden.plugins.options.WardenVersion;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoreCallBounds;
import io.etcdwarden.storage.file.VolumeStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code check backup} ({@code check_etcd_backup}), parsed by {@link
 * BackupPlugin} itself so that every bad argument is a one-line UNKNOWN.
 */
@Command(name = "check_etcd_backup", mixinStandardHelpOptions = true,
    versionProvider = WardenVersion.class, sortOptions = false,
    description = {"Nagios plugin: age, size and verification of the newest snapshot archive,",
        "and the daemon's last scheduled run (read from etcd).",
        "Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (bad arguments included)."})
final class BackupCheckOptions {
  @Mixin TargetOptions target;
  @Mixin AgeOptions keys;

  @Option(names = "--target", paramLabel = "URI",
      description = "The store (default: backup.target from the config).")
  String store;

  @Option(names = "--allow-non-mount",
      description = "Accept a file:// directory that is not a mount point.")
  boolean allowNonMount;

  @Option(names = "-t", paramLabel = "SECONDS", description = "Answer within this time "
      + "(default 10; also --timeout).")
  String deadline;

  @Option(names = {"-w", "--age-warning"}, paramLabel = "RANGE",
      description = "Newest archive's age in hours (default: the schedule's longest gap + 1 h"
          + " when backup.schedule is set, else 25).")
  String ageWarning;

  @Option(names = {"-c", "--age-critical"}, paramLabel = "RANGE",
      description = "Newest archive's age in hours (default: twice the schedule's longest gap"
          + " + 1 h when backup.schedule is set, else 49).")
  String ageCritical;

  @Option(names = "--min-size-ratio", paramLabel = "R", defaultValue = "0.5",
      description = "Warn when the newest archive is smaller than R times the previous one "
          + "(default ${DEFAULT-VALUE}).")
  double minSizeRatio;

  @Option(names = "--verify", description = "Re-read and verify the newest archive now "
      + "(default: trust the daemon's verification record).")
  boolean verify;

  @Option(names = "--no-last-run", description = "Do not read the daemon's last-run record "
      + "from etcd (no daemon, or no etcd access from here).")
  boolean noLastRun;

  Duration deadline() {
    if (deadline != null) {
      return Durations.parse(deadline, "-t");
    }
    // As in check cluster: a plugin's --timeout is its whole run, like -t (monitoring-plugins).
    return target.timeout().map(t -> Durations.parse(t, "--timeout"))
        .orElse(ClusterCheckOptions.DEFAULT_DEADLINE);
  }

  /**
   * The limits; ages not given follow {@code backup.schedule} when one is configured (one missed
   * run warns, two page: the defaults 25/49 h are exactly that for a daily schedule), else 25/49.
   */
  BackupThresholds thresholds(BackupSection backup, Instant now) {
    if (!(minSizeRatio >= 0 && minSizeRatio <= 1)) {
      throw WardenException.badInput("--min-size-ratio: must be 0..1, got " + minSizeRatio);
    }
    List<String> defaults = ageWarning != null && ageCritical != null ? List.of()
        : BackupThresholds.defaultAges(backup.cronSchedule(), now);
    String warning = ageWarning != null ? ageWarning : defaults.get(0);
    String critical = ageCritical != null ? ageCritical : defaults.get(1);
    return new BackupThresholds(new Thresholds(Optional.of(Range.parse(warning, "-w")),
        Optional.of(Range.parse(critical, "-c"))), minSizeRatio);
  }

  /**
   * The store, every call to it held within {@code budget} (the plugin's deadline), so that a
   * store that accepts connections and never answers fails the call in time to say so.
   */
  SnapshotStore openStore(BackupSection backup, Duration budget) {
    String uri = store != null ? store : backup.target().map(Object::toString)
        .orElseThrow(() -> WardenException.badInput("--target: no store given and "
            + BackupSection.NAME + "." + BackupSection.TARGET + " is not set"));
    if (allowNonMount && uri.startsWith("file:")) {
      uri += (uri.contains("?") ? "&" : "?") + VolumeStores.ALLOW_NON_MOUNT + "=true";
    }
    return SnapshotStores.open(uri, "--target", StoreCallBounds.within(budget));
  }
}
