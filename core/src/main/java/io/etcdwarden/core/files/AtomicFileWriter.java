package io.etcdwarden.core.files;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file's whole content in one step, with a chosen POSIX mode. The bytes go to a
 * temporary file in the target's own directory, created with the final mode already set, and
 * are then renamed over the target: a reader (etcd starting up, an operator's {@code cat})
 * sees the old file or the new one, never half of one, and a private key is never readable by
 * others, not even for the moment between creation and a later {@code chmod}.
 */
public final class AtomicFileWriter {
  /** Private keys: owner read/write only. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      Set.copyOf(PosixFilePermissions.fromString("rw-------"));

  /** Certificates and other public material: readable by everyone. */
  public static final Set<PosixFilePermission> WORLD_READABLE =
      Set.copyOf(PosixFilePermissions.fromString("rw-r--r--"));

  /** Writes {@code content} to {@code target}, replacing it, and leaves it with {@code mode}. */
  public void write(Path target, byte[] content, Set<PosixFilePermission> mode) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp =
          Files.createTempFile(
              dir, "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(mode));
      // The umask may have taken bits away at creation; set the exact mode asked for.
      Files.setPosixFilePermissions(temp, mode);
      writeDurably(temp, content);
      moveIntoPlace(temp, target);
    } catch (IOException | UnsupportedOperationException e) {
      String why = e.getClass().getSimpleName() + " " + e.getMessage();
      WardenException failure =
          new WardenException(
              "cannot write " + target + ": " + why
                  + "; check that the directory is writable and on a POSIX file system",
              e);
      removeLeftover(temp, failure);
      throw failure;
    }
  }

  /** Forces the bytes to disk before the rename, so a crash cannot leave an empty CA key. */
  private static void writeDurably(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so only exotic file systems get here; a plain replace is all that is left.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void removeLeftover(Path temp, WardenException failure) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
