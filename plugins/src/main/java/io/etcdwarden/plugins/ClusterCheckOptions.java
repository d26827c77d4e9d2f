package io.etcdwarden.plugins;

import io.etcdwarden.checks.Range;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.checks.cluster.ClusterThresholds;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.plugins.options.TargetOptions;
import io.etcdwarden.plugins.options.WardenVersion;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code check cluster} ({@code check_etcd_cluster}), parsed by {@link
 * ClusterPlugin} itself so that every bad argument is a one-line UNKNOWN. Thresholds take
 * Nagios range syntax; absent ones keep etcd's alerting defaults ({@link ClusterThresholds}).
 */
@Command(name = "check_etcd_cluster", mixinStandardHelpOptions = true,
    versionProvider = WardenVersion.class, sortOptions = false,
    description = {"Nagios plugin: quorum, leader, alarms, DB size, fragmentation, apply lag,",
        "version skew and status round trip of every etcd member.",
        "Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (bad arguments included)."})
final class ClusterCheckOptions {
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  @Mixin TargetOptions target;

  @Option(names = "-t", paramLabel = "SECONDS",
      description = "Answer within this time (default 10; also --timeout).")
  String deadline;

  @Option(names = {"-w", "--db-warning"}, paramLabel = "RANGE",
      description = "DB size in %% of quota (default ${DEFAULT-VALUE}).", defaultValue = "80")
  String dbWarning;

  @Option(names = {"-c", "--db-critical"}, paramLabel = "RANGE",
      description = "DB size in %% of quota (default ${DEFAULT-VALUE}).", defaultValue = "95")
  String dbCritical;

  @Option(names = "--quota-bytes", paramLabel = "BYTES",
      description = "The members' quota-backend-bytes (default 2147483648).")
  long quotaBytes = ClusterThresholds.DEFAULT_QUOTA_BYTES;

  @Option(names = "--lag-warning", paramLabel = "RANGE", defaultValue = "1000",
      description = "Apply lag in entries (default ${DEFAULT-VALUE}).")
  String lagWarning;

  @Option(names = "--lag-critical", paramLabel = "RANGE", defaultValue = "5000",
      description = "Apply lag in entries (default ${DEFAULT-VALUE}).")
  String lagCritical;

  @Option(names = "--rtt-warning", paramLabel = "RANGE", description = "Status round trip, s.")
  String rttWarning;

  @Option(names = "--rtt-critical", paramLabel = "RANGE", description = "Status round trip, s.")
  String rttCritical;

  @Option(names = "--cert-warning", paramLabel = "RANGE",
      defaultValue = ClusterThresholds.DEFAULT_CERT_WARNING,
      description = "Days until a CA or client certificate expires (default ${DEFAULT-VALUE}).")
  String certWarning;

  @Option(names = "--cert-critical", paramLabel = "RANGE",
      defaultValue = ClusterThresholds.DEFAULT_CERT_CRITICAL,
      description = "Days until a CA or client certificate expires (default ${DEFAULT-VALUE}).")
  String certCritical;

  @Option(names = "--state-file", paramLabel = "FILE",
      description = "Where to keep raft terms seen, to count leader changes (none: not counted).")
  java.nio.file.Path stateFile;

  @Option(names = "--leader-changes-warning", paramLabel = "RANGE", defaultValue = "3",
      description = "Leader changes in 15 minutes (default ${DEFAULT-VALUE}: 4 or more warn).")
  String leaderChangesWarning;

  @Option(names = "--leader-changes-critical", paramLabel = "RANGE",
      description = "Leader changes in 15 minutes (default: none).")
  String leaderChangesCritical;

  @Option(names = "--expected-members", paramLabel = "N",
      description = "Warn when the cluster lists another number of members.")
  Integer expectedMembers;

  @Option(names = "--daemon", paramLabel = "HOST:PORT", description = "Ask this daemon first "
      + "for its last survey (default: daemon.listen, 127.0.0.1:2389).")
  String daemon;

  @Option(names = "--no-daemon", description = "Always check live; do not ask the daemon.")
  boolean noDaemon;

  @Option(names = "--max-cache-age", paramLabel = "DURATION", description = "Use the daemon's "
      + "survey only when younger than this (default: 2x daemon.health_interval).")
  String maxCacheAge;

  @Option(names = "-v", description = "Verbose: one line per condition (repeatable).")
  boolean[] verbose = new boolean[0];

  /** The plugin's overall deadline: -t, else --timeout, else 10 s. */
  Duration deadline() {
    if (deadline != null) {
      return Durations.parse(deadline, "-t");
    }
    return target.timeout().map(t -> Durations.parse(t, "--timeout")).orElse(DEFAULT_DEADLINE);
  }

  ClusterThresholds thresholds() {
    if (quotaBytes <= 0) {
      throw WardenException.badInput("--quota-bytes: must be positive, got " + quotaBytes);
    }
    if (expectedMembers != null && expectedMembers < 1) {
      throw WardenException.badInput("--expected-members: must be at least 1");
    }
    return ClusterThresholds.defaults().toBuilder().quotaBytes(quotaBytes)
        .dbUsedPercent(pair(dbWarning, "-w", dbCritical, "-c"))
        .applyLag(pair(lagWarning, "--lag-warning", lagCritical, "--lag-critical"))
        .rttSeconds(pair(rttWarning, "--rtt-warning", rttCritical, "--rtt-critical"))
        .certDaysLeft(pair(certWarning, "--cert-warning", certCritical, "--cert-critical"))
        .leaderChanges(pair(leaderChangesWarning, "--leader-changes-warning",
            leaderChangesCritical, "--leader-changes-critical"))
        .expectedMembers(expectedMembers == null ? OptionalInt.empty()
            : OptionalInt.of(expectedMembers)).build();
  }

  private static Thresholds pair(String warning, String warningFlag, String critical,
      String criticalFlag) {
    return new Thresholds(range(warning, warningFlag), range(critical, criticalFlag));
  }

  private static Optional<Range> range(String text, String flag) {
    return text == null ? Optional.empty() : Optional.of(Range.parse(text, flag));
  }
}
