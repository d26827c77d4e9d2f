package io.etcdwarden.maintenance;

import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.RecentArchive;
import io.etcdwarden.backup.SnapshotArchiver;
import java.time.Duration;

/**
 * What must exist before maintenance rewrites members' databases: a verified archive younger
 * than a maximum age in the backup target, or one taken and verified now, or (when the operator
 * says so) nothing. {@link #require()} returns one line naming the archive, or refuses with a
 * line that says how to get one.
 */
public final class BackupGate {
  private final Kind kind;
  private final RecentArchive archives;
  private final Duration maxAge;
  private final SnapshotArchiver archiver;
  private final Compression compression;

  private enum Kind { NONE, RECENT, TAKE_NOW }

  private BackupGate(Kind kind, RecentArchive archives, Duration maxAge,
      SnapshotArchiver archiver, Compression compression) {
    this.kind = kind;
    this.archives = archives;
    this.maxAge = maxAge;
    this.archiver = archiver;
    this.compression = compression;
  }

  /** No backup required ({@code --no-backup-gate}). */
  public static BackupGate none() {
    return new BackupGate(Kind.NONE, null, null, null, null);
  }

  /** A verified archive younger than {@code maxAge} must be in the store. */
  public static BackupGate recent(RecentArchive archives, Duration maxAge) {
    return new BackupGate(Kind.RECENT, archives, maxAge, null, null);
  }

  /** An archive is taken and verified now ({@code --snapshot-first}). */
  public static BackupGate takeNow(RecentArchive archives, SnapshotArchiver archiver,
      Compression compression) {
    return new BackupGate(Kind.TAKE_NOW, archives, null, archiver, compression);
  }

  /** The backup line, or a refusal. */
  public String require() {
    return switch (kind) {
      case NONE -> "backup: not required (--no-backup-gate)";
      case RECENT -> "backup: " + archives.requireVerified(maxAge, "maintenance");
      case TAKE_NOW -> "backup: " + archives.takeAndVerify(archiver, compression,
          "maintenance");
    };
  }
}
