package io.etcdwarden.core.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code backup:} section; absent keys take {@link BackupSection}'s defaults, and a
 * deprecated key is a warning in the log, never a failure.
 */
final class BackupSectionReader {
  private static final Logger LOG = LoggerFactory.getLogger(BackupSectionReader.class);

  private BackupSectionReader() {}

  static BackupSection read(ConfigSection section) {
    if (section.has(BackupSection.DEPRECATED_SPOOL_DIR)) {
      LOG.warn("{}: {}.{} is no longer used (snapshots stream without spooling); remove it",
          section.source(), BackupSection.NAME, BackupSection.DEPRECATED_SPOOL_DIR);
    }
    section.requireOnlyKeys(BackupSection.KEYS, BackupSection.DEPRECATED_SPOOL_DIR);
    String schedule = section.text(BackupSection.SCHEDULE, BackupSection.DEFAULT_SCHEDULE);
    // Validated here, once, with the message the daemon always gave (it names the key).
    BackupSection.cron(schedule);
    String drill = section.text(BackupSection.DRILL_SCHEDULE, BackupSection.DEFAULT_SCHEDULE);
    BackupSection.drillCron(drill);
    return new BackupSection(
        section.uri(BackupSection.TARGET, "a store URI like file:///mnt/etcd-backups,"
            + " s3://bucket/prefix or gs://bucket/prefix", "file", "s3", "gs"),
        schedule,
        section.choice(BackupSection.COMPRESSION, BackupSection.COMPRESSIONS,
            BackupSection.DEFAULT_COMPRESSION),
        section.text(BackupSection.MEMBER).filter(m -> !m.isEmpty()),
        section.count(BackupSection.KEEP_LAST, 1, BackupSection.DEFAULT_KEEP_LAST),
        section.count(BackupSection.KEEP_HOURLY, 0, BackupSection.DEFAULT_KEEP_HOURLY),
        section.count(BackupSection.KEEP_DAILY, 0, BackupSection.DEFAULT_KEEP_DAILY),
        section.count(BackupSection.KEEP_WEEKLY, 0, BackupSection.DEFAULT_KEEP_WEEKLY),
        section.list(BackupSection.ENCRYPT_TO),
        section.path(BackupSection.IDENTITY_FILE),
        drill);
  }
}
