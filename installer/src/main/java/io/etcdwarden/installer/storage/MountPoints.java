package io.etcdwarden.installer.storage;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a folder is a mount point, read from the kernel's {@code /proc/self/mountinfo} (the
 * file is injected). A volume that was never mounted leaves its folder on the root file system,
 * where moving etcd's data would gain nothing and could fill the root disk.
 */
final class MountPoints {
  private final Path mountInfo;

  MountPoints(Path mountInfo) {
    this.mountInfo = mountInfo;
  }

  /** Refuses {@code dir} unless it is listed as a mount point. */
  void requireMountPoint(Path dir) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw WardenException.badInput("--mount " + dir + " does not exist; mount the volume there"
          + " first (storage attach never formats or mounts anything)", e);
    }
    try {
      for (String line : Files.readAllLines(mountInfo)) {
        String[] fields = line.split(" ");
        // Field 5 is the mount point, with spaces and the like escaped as octal (\040).
        if (fields.length > 4 && unescape(fields[4]).equals(real.toString())) {
          return;
        }
      }
    } catch (IOException e) {
      throw new WardenException("cannot read " + mountInfo + ": " + e.getMessage(), e);
    }
    throw WardenException.badInput("--mount " + dir + " is not a mount point; mount the volume"
        + " there first (storage attach never formats or mounts anything)");
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
