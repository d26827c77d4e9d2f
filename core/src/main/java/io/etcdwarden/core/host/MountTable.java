package io.etcdwarden.core.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The kernel's table of mounted file systems ({@code /proc/self/mountinfo}, injected for tests):
 * whether a folder is the root of a mount. A volume that was never mounted leaves its folder on
 * the root file system, where backups or etcd's data would silently fill the root disk.
 */
public final class MountTable {
  private final Path mountInfo;

  public MountTable(Path mountInfo) {
    this.mountInfo = mountInfo;
  }

  public static MountTable ofThisProcess() {
    return new MountTable(Path.of("/proc/self/mountinfo"));
  }

  /** Whether {@code dir} (links resolved; it must exist) is a mount point. */
  public boolean isMountPoint(Path dir) throws IOException {
    String wanted = dir.toRealPath().toString();
    try (Stream<String> lines = Files.lines(mountInfo)) {
      // Field 5 is the mount point, with spaces and the like escaped as octal (\040).
      return lines.map(line -> line.split(" "))
          .filter(fields -> fields.length > 4)
          .anyMatch(fields -> unescape(fields[4]).equals(wanted));
    }
  }

  static String unescape(String field) {
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
