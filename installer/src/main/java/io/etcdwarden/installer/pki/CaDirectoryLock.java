package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes "is there a CA here? if not, create one" one step for everyone sharing a CA directory:
 * installs run at once on one host (or on hosts sharing the directory) would otherwise each
 * find no key, each create a CA, and sign their members with different CAs. Holds an exclusive
 * {@code flock} on {@code .ca.lock} in the directory (released by the kernel if the holder
 * dies); a file lock belongs to the whole process, so threads of one JVM also queue on a lock
 * per directory, the one piece of JVM-wide state this needs.
 */
final class CaDirectoryLock implements AutoCloseable {
  static final String LOCK_FILE = ".ca.lock";
  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock jvmLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private CaDirectoryLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
    this.jvmLock = jvmLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Creates {@code dir} if needed and waits until this caller holds it alone. */
  static CaDirectoryLock acquire(Path dir) {
    Path lockFile;
    try {
      Files.createDirectories(dir);
      lockFile = dir.toRealPath().resolve(LOCK_FILE);
    } catch (IOException e) {
      throw new WardenException("cannot create the CA directory " + dir + ": " + e.getMessage(),
          e);
    }
    ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(lockFile, p -> new ReentrantLock());
    jvmLock.lock();
    FileChannel channel = null;
    try {
      channel = open(lockFile);
      return new CaDirectoryLock(jvmLock, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      jvmLock.unlock();
      closeQuietly(channel, e);
      throw new WardenException("cannot lock " + lockFile + " to create or load the CA: "
          + e.getMessage(), e);
    }
  }

  private static FileChannel open(Path lockFile) throws IOException {
    try {
      return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
              AtomicFileWriter.OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      return FileChannel.open(lockFile, StandardOpenOption.WRITE);
    }
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    try {
      fileLock.release();
      channel.close();
    } catch (IOException e) {
      throw new WardenException("cannot release the CA lock: " + e.getMessage(), e);
    } finally {
      jvmLock.unlock();
    }
  }
}
