package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.storage.Sha256Sidecar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A real {@code .tar.gz} of a member's old data dir (the charm's backup was an uncompressed tar
 * named {@code .gz}), owner-only (0600) like the data it holds, with a {@code sha256sum}-format
 * file beside it. Written under a temporary
 * name and renamed when complete, so a half-written backup never looks like a backup. gzip at
 * level 1: etcd's db pages are mostly incompressible padding or already-random values, and
 * this copy is taken while the member is down.
 */
final class DataDirBackup {
  private static final int BUFFER_BYTES = 1 << 16;

  /** The finished backup: its path and the sha256 of its bytes. */
  public record Written(Path path, String sha256) {}

  private DataDirBackup() {}

  /** Archives {@code dataDir} (entries relative to it, under {@code member/}) as {@code file}. */
  public static Written write(Path dataDir, Path file) {
    Path partial = partial(file);
    Path sidecar = sidecar(file);
    for (Path p : List.of(file, sidecar, partial)) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new WardenException("cannot back up " + dataDir + ": " + p + " already exists and"
            + " is not replaced");
      }
    }
    MessageDigest sha = Sha256Sidecar.newDigest();
    try {
      Files.createDirectories(file.getParent());
      // 0600 from the first byte, whatever the umask: the copy holds the member's whole data.
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(AtomicFileWriter.OWNER_ONLY));
      try (OutputStream raw = Files.newOutputStream(partial, StandardOpenOption.WRITE);
          DigestOutputStream digested = new DigestOutputStream(raw, sha);
          GZIPOutputStream gzip = new GZIPOutputStream(digested, BUFFER_BYTES) {
            {
              def.setLevel(Deflater.BEST_SPEED);
            }
          };
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Path p : entries(dataDir)) {
          String name = dataDir.relativize(p).toString();
          TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), Files.isDirectory(p)
              ? name + "/" : name);
          tar.putArchiveEntry(entry);
          if (Files.isRegularFile(p)) {
            try (InputStream in = Files.newInputStream(p)) {
              in.transferTo(tar);
            }
          }
          tar.closeArchiveEntry();
        }
      }
      String hex = Sha256Sidecar.hex(sha);
      Files.write(sidecar, Sha256Sidecar.render(hex, file.getFileName().toString()),
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return new Written(file, hex);
    } catch (FileAlreadyExistsException e) {
      // Created by someone else since the check above: only what this call wrote goes.
      if (!partial.toString().equals(e.getFile())) {
        ArchiveStager.deleteQuietly(partial);
      }
      throw new WardenException("cannot back up " + dataDir + ": " + e.getFile() + " appeared"
          + " while the backup was written and is not replaced", e);
    } catch (IOException e) {
      ArchiveStager.deleteQuietly(partial);
      ArchiveStager.deleteQuietly(sidecar);
      throw new WardenException("cannot back up " + dataDir + " to " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static List<Path> entries(Path dataDir) throws IOException {
    try (Stream<Path> paths = Files.walk(dataDir)) {
      return paths.filter(p -> !p.equals(dataDir)).sorted().toList();
    }
  }

  static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + ".sha256");
  }

  static Path partial(Path file) {
    return file.resolveSibling(file.getFileName() + ".partial");
  }
}
