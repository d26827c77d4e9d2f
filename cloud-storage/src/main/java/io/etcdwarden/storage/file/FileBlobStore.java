package io.etcdwarden.storage.file;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.storage.Blob;
import io.etcdwarden.storage.BlobStore;
import io.etcdwarden.storage.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files in one directory of a mounted volume. A write goes to a hidden temp name
 * created with its final mode (0600 whatever the umask: an archive holds the whole keyspace;
 * 0644 for a {@code .sha256} or {@code .verified} that holds only a hash), is fsynced,
 * hard-linked to its name and the directory fsynced, so a crash leaves either nothing or the
 * whole file; temp files are never listed. The link fails when the name exists, so a file once
 * published is never replaced by another run (a rename would silently overwrite it). Free space is checked before writing
 * and again every {@link #CHECK_EVERY_BYTES}, keeping {@code reserveBytes} free for etcd and
 * everyone else on the volume; a volume that fills anyway fails with a message saying so.
 */
final class FileBlobStore implements BlobStore {
  static final String TEMP_PREFIX = ".tmp-";
  /** Archives hold the whole keyspace: owner only, like {@code etcdctl snapshot save}. */
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  /** Checksums and verification marks hold only a hash: readable by the Nagios user. */
  private static final FileAttribute<Set<PosixFilePermission>> HASH_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
  static final long CHECK_EVERY_BYTES = 8L << 20;
  private static final int BUFFER_BYTES = 1 << 16;

  private final Path dir;
  private final FreeSpace freeSpace;
  private final long reserveBytes;
  private final String host;

  public FileBlobStore(Path dir, FreeSpace freeSpace, long reserveBytes, String host) {
    this.dir = dir;
    this.freeSpace = freeSpace;
    this.reserveBytes = reserveBytes;
    this.host = host;
  }

  @Override
  public long write(String name, InputStream data) throws IOException {
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "will not overwrite");
    }
    Path temp = dir.resolve(TEMP_PREFIX + name + "-" + UUID.randomUUID());
    try {
      long written = copy(data, temp, holdsOnlyAHash(name) ? HASH_ONLY : OWNER_ONLY);
      publish(temp, target);
      syncDirectory();
      return written;
    } catch (IOException | RuntimeException e) {
      // Only the temp file is ours: a target that exists belongs to whoever published it.
      Files.deleteIfExists(temp);
      if (String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw new WardenException("volume full while writing " + target
            + ": free space on " + dir + " or choose another --target", e);
      }
      throw e;
    }
  }

  /** Exclusive publication: a hard link fails with FileAlreadyExistsException, never replaces. */
  private static void publish(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(target.toString(), null, "will not overwrite");
    } catch (FileSystemException | UnsupportedOperationException e) {
      throw new IOException("cannot publish by hard link (" + e.getMessage() + "): publishing"
          + " without overwriting needs a volume with hard links (ext4, xfs, NFS)", e);
    }
    Files.delete(temp);
  }

  private static boolean holdsOnlyAHash(String name) {
    return name.endsWith(SnapshotStore.SHA256_SUFFIX)
        || name.endsWith(SnapshotStore.VERIFIED_SUFFIX);
  }

  private long copy(InputStream data, Path temp, FileAttribute<Set<PosixFilePermission>> mode)
      throws IOException {
    requireSpace(temp);
    long written = 0;
    long nextCheck = CHECK_EVERY_BYTES;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), mode)) {
      for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        written += n;
        if (written >= nextCheck) {
          requireSpace(temp);
          nextCheck += CHECK_EVERY_BYTES;
        }
      }
      out.force(true);
    }
    return written;
  }

  private void requireSpace(Path temp) throws IOException {
    long usable = freeSpace.usableBytes(dir);
    if (usable < reserveBytes) {
      throw new WardenException("volume nearly full: " + usable + " bytes left on " + dir
          + ", below the reserve of " + reserveBytes + " (min-free-mb); free space or choose"
          + " another --target");
    }
  }

  private void syncDirectory() throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  @Override
  public InputStream read(String name) throws IOException {
    return Files.newInputStream(dir.resolve(name));
  }

  @Override
  public List<Blob> list() throws IOException {
    List<Blob> blobs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (!name.startsWith(TEMP_PREFIX) && attrs.isRegularFile()) {
          blobs.add(new Blob(name, attrs.size(), attrs.lastModifiedTime().toInstant()));
        }
      }
    }
    return blobs;
  }

  @Override
  public boolean delete(String name) throws IOException {
    boolean deleted = Files.deleteIfExists(dir.resolve(name));
    if (deleted) {
      syncDirectory();
    }
    return deleted;
  }

  @Override
  public String locate(String name) {
    return dir.resolve(name).toString();
  }

  @Override
  public String copyCommand(String name) {
    return "scp " + host + ":" + dir.resolve(name) + " .";
  }
}
