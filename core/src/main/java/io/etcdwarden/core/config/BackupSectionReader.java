package io.etcdwarden.core.config;

/** Reads the {@code backup:} section; absent keys take {@link BackupSection}'s defaults. */
final class BackupSectionReader {
  private BackupSectionReader() {}

  static BackupSection read(ConfigSection section) {
    section.requireOnlyKeys(BackupSection.KEYS);
    return new BackupSection(
        section.uri(BackupSection.TARGET, "a store URI like file:///mnt/etcd-backups,"
            + " s3://bucket/prefix or gs://bucket/prefix", "file", "s3", "gs"),
        section.text(BackupSection.SCHEDULE, BackupSection.DEFAULT_SCHEDULE),
        section.choice(BackupSection.COMPRESSION, BackupSection.COMPRESSIONS,
            BackupSection.DEFAULT_COMPRESSION),
        section.text(BackupSection.MEMBER).filter(m -> !m.isEmpty()),
        section.path(BackupSection.SPOOL_DIR),
        section.count(BackupSection.KEEP_LAST, 1, BackupSection.DEFAULT_KEEP_LAST),
        section.count(BackupSection.KEEP_HOURLY, 0, BackupSection.DEFAULT_KEEP_HOURLY),
        section.count(BackupSection.KEEP_DAILY, 0, BackupSection.DEFAULT_KEEP_DAILY),
        section.count(BackupSection.KEEP_WEEKLY, 0, BackupSection.DEFAULT_KEEP_WEEKLY),
        section.list(BackupSection.ENCRYPT_TO),
        section.path(BackupSection.IDENTITY_FILE));
  }
}
