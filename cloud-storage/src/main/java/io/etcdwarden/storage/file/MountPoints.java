package io.etcdwarden.storage.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a directory is the root of a mounted file system, read from the kernel's own table
 * ({@code /proc/self/mountinfo}, field 5 is the mount point with spaces as {@code \040}). A
 * snapshot volume that is not mounted would silently fill the root disk instead.
 */
final class MountPoints {
  private final Path mountInfo;

  MountPoints(Path mountInfo) {
    this.mountInfo = mountInfo;
  }

  static MountPoints ofThisProcess() {
    return new MountPoints(Path.of("/proc/self/mountinfo"));
  }

  boolean isMountPoint(Path dir) throws IOException {
    String wanted = dir.toRealPath().toString();
    try (var lines = Files.lines(mountInfo)) {
      return lines.map(line -> line.split(" "))
          .filter(fields -> fields.length > 4)
          .anyMatch(fields -> unescape(fields[4]).equals(wanted));
    }
  }

  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
        .replace("\\134", "\\");
  }
}
