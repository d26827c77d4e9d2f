package io.etcdwarden.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code maintenance:} section of {@code warden.yaml}: when the daemon runs a rolling defrag
 * of the cluster, which members it selects, and how much key history it compacts away first.
 * Off by default: without {@code defrag_schedule} the daemon does no maintenance. The schedule
 * is validated when the config loads; the rule's syntax belongs to the maintenance module and is
 * checked when the daemon starts, before anything runs.
 *
 * @param defragSchedule a 5-field crontab line or a Quartz cron expression; empty = off
 * @param defragRule which members to defragment (the {@code defrag --rule} syntax); empty = all
 * @param compactRetain compact history older than this before each defrag; empty = no compaction
 * @param backupGate {@link #SNAPSHOT_FIRST}: take and verify an archive in {@code backup.target}
 *     before a run, as {@code defrag --snapshot-first}; {@link #OFF}: none; empty: snapshot first
 *     exactly when {@code backup.target} is set
 * @param etcdConfig the member's etcd {@code --config-file}, whose {@code quota-backend-bytes}
 *     the rule's quota is; empty = etcd's default
 */
public record MaintenanceSection(String defragSchedule, String defragRule,
    Optional<Duration> compactRetain, Optional<String> backupGate, Optional<Path> etcdConfig) {
  public static final String NAME = "maintenance";
  public static final String DEFRAG_SCHEDULE = "defrag_schedule";
  public static final String DEFRAG_RULE = "defrag_rule";
  public static final String COMPACT_RETAIN = "compact_retain";
  public static final String BACKUP_GATE = "backup_gate";
  public static final String ETCD_CONFIG = "etcd_config";
  public static final String SNAPSHOT_FIRST = "snapshot_first";
  public static final String OFF = "off";
  public static final List<String> KEYS = List.of(DEFRAG_SCHEDULE, DEFRAG_RULE, COMPACT_RETAIN,
      BACKUP_GATE, ETCD_CONFIG);

  public MaintenanceSection {
    Objects.requireNonNull(defragSchedule, DEFRAG_SCHEDULE);
    Objects.requireNonNull(defragRule, DEFRAG_RULE);
    Objects.requireNonNull(compactRetain, COMPACT_RETAIN);
    Objects.requireNonNull(backupGate, BACKUP_GATE);
    Objects.requireNonNull(etcdConfig, ETCD_CONFIG);
  }

  /** A scheduled section with the backup gate's default and etcd's default quota. */
  public MaintenanceSection(String defragSchedule, String defragRule,
      Optional<Duration> compactRetain) {
    this(defragSchedule, defragRule, compactRetain, Optional.empty(), Optional.empty());
  }

  /** Whether a run first takes a verified archive, given whether a backup target is set. */
  public boolean snapshotFirst(boolean backupTargetSet) {
    return backupGate.map(SNAPSHOT_FIRST::equals).orElse(backupTargetSet);
  }

  /** No scheduled maintenance. */
  public static MaintenanceSection defaults() {
    return new MaintenanceSection("", "", Optional.empty());
  }

  /** The parsed {@link #defragSchedule}; empty when maintenance is off. */
  public Optional<CronSchedule> cronSchedule() {
    return defragSchedule.isBlank() ? Optional.empty()
        : Optional.of(CronSchedule.parse(defragSchedule, NAME + "." + DEFRAG_SCHEDULE));
  }
}
