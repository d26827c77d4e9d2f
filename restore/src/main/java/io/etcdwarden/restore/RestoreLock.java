package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One restore per member at a time: an exclusive lock on {@value #FILE} in the member's folder,
 * held from the preflight until the restore ends or its plan is discarded. A second caller is
 * refused at once with one line, before it downloads or changes anything. The kernel drops the
 * lock when its process dies, so a killed restore leaves no stale lock. The empty file itself
 * stays: removing a lock file while others may have it open would let two callers each lock a
 * different file.
 */
final class RestoreLock implements AutoCloseable {
  static final String FILE = "restore.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private RestoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of member {@code name} in {@code folder}, or refuses in one line. */
  /**
   * Prepares a plan for {@code member} holding its lock: a plan that comes back keeps the lock
   * (its {@code discard} or the restore releases it), a refusal releases it at once.
   */
  static <T> T whilePreparing(MemberOnHost member, java.util.function.Function<RestoreLock, T>
      prepare) {
    RestoreLock lock = take(member.configFile().getParent(), member.name());
    try {
      return prepare.apply(lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  static RestoreLock take(Path folder, String name) {
    Path file = folder.resolve(FILE);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new WardenException("member " + name + ": another restore of it is running (it"
            + " holds " + file + "); wait until it ends; nothing was changed");
      }
      return new RestoreLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new WardenException("cannot lock " + file + " for the restore of member " + name
          + ": " + e.getMessage() + "; nothing was changed", e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very process: another restore in this JVM
    }
  }

  /** Releases the lock; later calls do nothing. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it all the same.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing was written through it.
      }
    }
  }
}
