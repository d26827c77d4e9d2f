package io.etcdwarden.installer.storage;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.installer.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies a stopped member's data folder file by file and proves each copy: the SHA-256 of the
 * bytes read while copying must equal the SHA-256 of the copy read back from the new volume.
 * Folder modes are kept (etcd insists on 0700 for its data dir).
 */
final class VerifiedCopy {

  /** Total size in bytes of the regular files under {@code dir}. */
  static long size(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      long total = 0;
      for (Path p : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        total += Files.size(p);
      }
      return total;
    } catch (IOException e) {
      throw new WardenException("cannot measure " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Copies {@code from} into the new folder {@code to}; returns the number of files. */
  static int copy(Path from, Path to) {
    int files = 0;
    try (Stream<Path> paths = Files.walk(from)) {
      List<Path> all = paths.toList();
      for (Path source : all) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
        } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
          byte[] copied = copyFile(source, target);
          if (!MessageDigest.isEqual(copied, Sha256.of(target))) {
            throw new WardenException("verification failed: " + target + " differs from "
                + source + " after copying; check the new volume");
          }
          files++;
        }
      }
      return files;
    } catch (IOException e) {
      throw new WardenException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  private static byte[] copyFile(Path source, Path target) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
        // Owner-only until the source's own mode is set: never readable by others meanwhile.
        OutputStream out = Channels.newOutputStream(FileChannel.open(target,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(AtomicFileWriter.OWNER_ONLY)))) {
      in.transferTo(out);
    }
    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
    // Durable before the config points at it: a power cut must not leave etcd half a WAL.
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return digest.digest();
  }
}
