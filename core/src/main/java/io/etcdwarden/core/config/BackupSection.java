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
 * written: the module that schedules (Quartz) validates it at start-up, naming this key.
 *
 * @param target the store URI ({@code file://}, {@code s3://}, {@code gs://}), if configured
 * @param schedule a 5-field crontab line or a Quartz cron expression; empty = no schedule
 * @param compression {@code gzip} or {@code zstd}
 * @param member the member to stream from; empty = the leader
 * @param spoolDir local directory for the database while it is archived; empty = temp dir
 * @param encryptTo age recipients ({@code age1...}) every archive is encrypted to; empty = clear
 * @param identityFile the age identity that opens encrypted archives (restore, drill, verify)
 */
public record BackupSection(
    Optional<URI> target,
    String schedule,
    String compression,
    Optional<String> member,
    Optional<Path> spoolDir,
    int keepLast,
    int keepHourly,
    int keepDaily,
    int keepWeekly,
    List<String> encryptTo,
    Optional<Path> identityFile) {
  public static final String NAME = "backup";
  public static final String TARGET = "target";
  public static final String SCHEDULE = "schedule";
  public static final String COMPRESSION = "compression";
  public static final String MEMBER = "member";
  public static final String SPOOL_DIR = "spool_dir";
  public static final String KEEP_LAST = "keep_last";
  public static final String KEEP_HOURLY = "keep_hourly";
  public static final String KEEP_DAILY = "keep_daily";
  public static final String KEEP_WEEKLY = "keep_weekly";
  public static final String ENCRYPT_TO = "encrypt_to";
  public static final String IDENTITY_FILE = "identity_file";
  public static final List<String> KEYS = List.of(TARGET, SCHEDULE, COMPRESSION, MEMBER,
      SPOOL_DIR, KEEP_LAST, KEEP_HOURLY, KEEP_DAILY, KEEP_WEEKLY, ENCRYPT_TO, IDENTITY_FILE);

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
    Objects.requireNonNull(spoolDir, SPOOL_DIR);
    encryptTo = List.copyOf(encryptTo);
    Objects.requireNonNull(identityFile, IDENTITY_FILE);
  }

  public static BackupSection defaults() {
    return new BackupSection(Optional.empty(), DEFAULT_SCHEDULE, DEFAULT_COMPRESSION,
        Optional.empty(), Optional.empty(), DEFAULT_KEEP_LAST, DEFAULT_KEEP_HOURLY,
        DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY, List.of(), Optional.empty());
  }

  /** True when a schedule is configured ({@code ""} and the charm's {@code -1} mean none). */
  public boolean scheduled() {
    return !schedule.isBlank() && !schedule.trim().equals("-1");
  }
}
