package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a restore fits on disk before anything is changed: the restored data beside the old
 * data dir, and the copy of the old data the restore keeps (on the same file system, or on the
 * one {@code --target} names).
 */
final class DiskRoom {
  private final FreeSpace freeSpace;

  DiskRoom(FreeSpace freeSpace) {
    this.freeSpace = freeSpace;
  }

  /**
   * Refuses, naming the folder and the byte counts, unless the data dir's file system has room
   * for {@code restoredBytes} and, when {@code backupFile} is on the same file system, for the
   * backup of the old data too; a backup elsewhere needs its own room there.
   */
  void require(Path dataDir, long restoredBytes, Optional<Path> backupFile) {
    long backupBytes = backupFile.isPresent() ? Trees.size(dataDir) : 0;
    Path parent = dataDir.toAbsolutePath().getParent();
    Path backupParent = backupFile.map(f -> existingAncestor(f)).orElse(parent);
    boolean sameStore = sameStore(parent, backupParent);
    long need = restoredBytes + (sameStore ? backupBytes : 0);
    long free = usable(parent);
    if (free < need) {
      throw new WardenException("not enough free disk in " + parent + ": " + free + " bytes free,"
          + " " + need + " needed (restored data " + restoredBytes + (sameStore && backupBytes > 0
          ? " + backup of the old data " + backupBytes : "") + "); nothing was changed");
    }
    if (!sameStore && backupBytes > 0 && usable(backupParent) < backupBytes) {
      throw new WardenException("not enough free disk in " + backupParent + " for the backup of "
          + dataDir + " (" + backupBytes + " bytes); use --target DIR or --skip-backup; nothing"
          + " was changed");
    }
  }

  private long usable(Path dir) {
    try {
      return freeSpace.usableBytes(dir);
    } catch (IOException e) {
      throw new WardenException("cannot read the free space of " + dir + ": " + e.getMessage(),
          e);
    }
  }

  private static Path existingAncestor(Path file) {
    Path p = file.toAbsolutePath().getParent();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? file.getRoot() : p;
  }

  private static boolean sameStore(Path a, Path b) {
    try {
      return Files.getFileStore(a).equals(Files.getFileStore(b));
    } catch (IOException e) {
      return true;
    }
  }
}
