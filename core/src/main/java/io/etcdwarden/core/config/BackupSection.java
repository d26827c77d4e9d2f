package io.etcdwarden.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code backup:} section of {@code warden.yaml}: where archives go, how often the daemon
 * takes them, how they are compressed and which ones retention keeps. Shared by
 * {@code snapshot}, {@code snapshots ...}, {@code restore --from latest}, {@code check backup}
 * and the daemon, so that one file describes the whole backup set-up. The schedule is kept as
 * written and validated when the config loads ({@link #cronSchedule()} parses it).
 *
 * @param target the store URI ({@code file://}, {@code s3://}, {@code gs://}), if configured
 * @param schedule a 5-field crontab line or a Quartz cron expression; empty = no schedule
 * @param compression {@code gzip} or {@code zstd}
 * @param member the member to stream from; empty = the leader
 * @param encryptTo age recipients ({@code age1...}) every archive is encrypted to; empty = clear
 * @param identityFile the age identity that opens encrypted archives (restore, drill, verify)
 * @param drillSchedule when the daemon drills the newest archive (a restore into a scratch
 *     member, {@code snapshots drill}); crontab or Quartz like {@code schedule}; empty = off
 */
public record BackupSection(
    Optional<URI> target,
    String schedule,
    String compression,
    Optional<String> member,
    int keepLast,
    int keepHourly,
    int keepDaily,
    int keepWeekly,
    List<String> encryptTo,
    Optional<Path> identityFile,
    String drillSchedule) {
  public static final String NAME = "backup";
  public static final String TARGET = "target";
  public static final String SCHEDULE = "schedule";
  public static final String COMPRESSION = "compression";
  public static final String MEMBER = "member";
  /**
   * No longer read (snapshots stream in one pass without spooling); an old config that still
   * has it loads with a one-line warning.
   */
  public static final String DEPRECATED_SPOOL_DIR = "spool_dir";
  public static final String KEEP_LAST = "keep_last";
  public static final String KEEP_HOURLY = "keep_hourly";
  public static final String KEEP_DAILY = "keep_daily";
  public static final String KEEP_WEEKLY = "keep_weekly";
  public static final String ENCRYPT_TO = "encrypt_to";
  public static final String IDENTITY_FILE = "identity_file";
  public static final String DRILL_SCHEDULE = "drill_schedule";
  public static final List<String> KEYS = List.of(TARGET, SCHEDULE, COMPRESSION, MEMBER,
      KEEP_LAST, KEEP_HOURLY, KEEP_DAILY, KEEP_WEEKLY, ENCRYPT_TO, IDENTITY_FILE,
      DRILL_SCHEDULE);

  public static final List<String> COMPRESSIONS = List.of("gzip", "zstd");
  public static final String DEFAULT_COMPRESSION = "gzip";
  /** No schedule: the daemon takes no snapshots until one is configured. */
  public static final String DEFAULT_SCHEDULE = "";
  public static final int DEFAULT_KEEP_LAST = 7;
  public static final int DEFAULT_KEEP_HOURLY = 24;
  public static final int DEFAULT_KEEP_DAILY = 7;
  public static final int DEFAULT_KEEP_WEEKLY = 4;

  public BackupSection {
    Objects.requireNonNull(target, TARGET);
    Objects.requireNonNull(schedule, SCHEDULE);
    Objects.requireNonNull(compression, COMPRESSION);
    Objects.requireNonNull(member, MEMBER);
    encryptTo = List.copyOf(encryptTo);
    Objects.requireNonNull(identityFile, IDENTITY_FILE);
    Objects.requireNonNull(drillSchedule, DRILL_SCHEDULE);
  }

  /** A section without a drill schedule (the daemon drills nothing). */
  public BackupSection(Optional<URI> target, String schedule, String compression,
      Optional<String> member, int keepLast, int keepHourly, int keepDaily, int keepWeekly,
      List<String> encryptTo, Optional<Path> identityFile) {
    this(target, schedule, compression, member, keepLast, keepHourly, keepDaily, keepWeekly,
        encryptTo, identityFile, DEFAULT_SCHEDULE);
  }

  public static BackupSection defaults() {
    return new BackupSection(Optional.empty(), DEFAULT_SCHEDULE, DEFAULT_COMPRESSION,
        Optional.empty(), DEFAULT_KEEP_LAST, DEFAULT_KEEP_HOURLY,
        DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY, List.of(), Optional.empty());
  }

  /** This section with archives going to {@code store} instead (a {@code --target} flag). */
  public BackupSection withTarget(URI store) {
    return new BackupSection(Optional.of(store), schedule, compression, member, keepLast,
        keepHourly, keepDaily, keepWeekly, encryptTo, identityFile, drillSchedule);
  }

  /** This section with the daemon drilling on {@code schedule} (empty = off). */
  public BackupSection withDrillSchedule(String schedule) {
    return new BackupSection(target, this.schedule, compression, member, keepLast, keepHourly,
        keepDaily, keepWeekly, encryptTo, identityFile, schedule);
  }

  /** The parsed {@link #drillSchedule}; empty when drills are off (the default). */
  public Optional<CronSchedule> drillCronSchedule() {
    return drillCron(drillSchedule);
  }

  static Optional<CronSchedule> drillCron(String schedule) {
    return scheduled(schedule)
        ? Optional.of(CronSchedule.parse(schedule, NAME + "." + DRILL_SCHEDULE))
        : Optional.empty();
  }

  /** The parsed {@link #schedule}; empty when none is configured. */
  public Optional<CronSchedule> cronSchedule() {
    return cron(schedule);
  }

  static Optional<CronSchedule> cron(String schedule) {
    return scheduled(schedule) ? Optional.of(CronSchedule.parse(schedule)) : Optional.empty();
  }

  /** True when a schedule is configured ({@code ""} and the charm's {@code -1} mean none). */
  public boolean scheduled() {
    return scheduled(schedule);
  }

  private static boolean scheduled(String schedule) {
    return !schedule.isBlank() && !schedule.trim().equals("-1");
  }
}
