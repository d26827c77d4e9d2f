package io.etcdwarden.backup;

import java.time.Duration;

/**
 * What must exist before a risky change (an upgrade, maintenance that rewrites members'
 * databases): a verified archive younger than a maximum age in the backup target, or one taken
 * and verified now, or (when the operator says so) nothing. {@link #check(boolean)} returns one
 * line naming the archive, or refuses with a line that names the change ({@code action}) and
 * says how to get one.
 */
public final class BackupGate {
  private final Kind kind;
  private final String action;
  private final RecentArchive archives;
  private final Duration maxAge;
  private final SnapshotArchiver archiver;
  private final Compression compression;

  private enum Kind { NONE, RECENT, TAKE_NOW }

  private BackupGate(Kind kind, String action, RecentArchive archives, Duration maxAge,
      SnapshotArchiver archiver, Compression compression) {
    this.kind = kind;
    this.action = action;
    this.archives = archives;
    this.maxAge = maxAge;
    this.archiver = archiver;
    this.compression = compression;
  }

  /** No backup required ({@code --no-backup-gate}). */
  public static BackupGate none(String action) {
    return new BackupGate(Kind.NONE, action, null, null, null, null);
  }

  /** A verified archive younger than {@code maxAge} must be in the store. */
  public static BackupGate recent(String action, RecentArchive archives, Duration maxAge) {
    return new BackupGate(Kind.RECENT, action, archives, maxAge, null, null);
  }

  /** An archive is taken and verified now ({@code --snapshot-first}). */
  public static BackupGate takeNow(String action, RecentArchive archives,
      SnapshotArchiver archiver, Compression compression) {
    return new BackupGate(Kind.TAKE_NOW, action, archives, null, archiver, compression);
  }

  /**
   * The archive's line, or a refusal; on a dry run an archive to be taken now is only
   * described.
   */
  public String check(boolean dryRun) {
    return switch (kind) {
      case NONE -> "not required (--no-backup-gate)";
      case RECENT -> archives.requireVerified(maxAge, action);
      case TAKE_NOW -> dryRun ? "an archive taken and verified before the " + action
          + " (--snapshot-first)" : archives.takeAndVerify(archiver, compression, action);
    };
  }

  /** {@code backup: } and the archive's line, or a refusal. */
  public String require() {
    return "backup: " + check(false);
  }
}
