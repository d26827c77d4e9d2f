package io.etcdwarden.core.config;

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
 */
public record MaintenanceSection(String defragSchedule, String defragRule,
    Optional<Duration> compactRetain) {
  public static final String NAME = "maintenance";
  public static final String DEFRAG_SCHEDULE = "defrag_schedule";
  public static final String DEFRAG_RULE = "defrag_rule";
  public static final String COMPACT_RETAIN = "compact_retain";
  public static final List<String> KEYS = List.of(DEFRAG_SCHEDULE, DEFRAG_RULE, COMPACT_RETAIN);

  public MaintenanceSection {
    Objects.requireNonNull(defragSchedule, DEFRAG_SCHEDULE);
    Objects.requireNonNull(defragRule, DEFRAG_RULE);
    Objects.requireNonNull(compactRetain, COMPACT_RETAIN);
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
