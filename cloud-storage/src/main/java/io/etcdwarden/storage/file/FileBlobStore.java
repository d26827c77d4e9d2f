package io.etcdwarden.storage.file;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.Blob;
import io.etcdwarden.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files in one directory of a mounted volume. A write goes to a hidden temp name,
 * is fsynced, renamed atomically into place and the directory fsynced, so a crash leaves either
 * nothing or the whole file; temp files are never listed. Free space is checked before writing
 * and again every {@link #CHECK_EVERY_BYTES}, keeping {@code reserveBytes} free for etcd and
 * everyone else on the volume; a volume that fills anyway fails with a message saying so.
 */
public final class FileBlobStore implements BlobStore {
  static final String TEMP_PREFIX = ".tmp-";
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
      long written = copy(data, temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory();
      return written;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      if (String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw new WardenException("volume full while writing " + target
            + ": free space on " + dir + " or choose another --target", e);
      }
      throw e;
    }
  }

  private long copy(InputStream data, Path temp) throws IOException {
    requireSpace(temp);
    long written = 0;
    long nextCheck = CHECK_EVERY_BYTES;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
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
