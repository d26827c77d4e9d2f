package io.etcdwarden.installer.storage;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.host.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a folder is a mount point, read from the kernel's {@code /proc/self/mountinfo} (the
 * file is injected). A volume that was never mounted leaves its folder on the root file system,
 * where moving etcd's data would gain nothing and could fill the root disk.
 */
final class MountPoints {
  private final MountTable table;

  MountPoints(Path mountInfo) {
    this.table = new MountTable(mountInfo);
  }

  /** Refuses {@code dir} unless it is listed as a mount point. */
  void requireMountPoint(Path dir) {
    if (!Files.exists(dir)) {
      throw WardenException.badInput("--mount " + dir + " does not exist; mount the volume there"
          + " first (storage attach never formats or mounts anything)");
    }
    boolean mounted;
    try {
      mounted = table.isMountPoint(dir);
    } catch (IOException e) {
      throw new WardenException("cannot read the mount table: " + e.getMessage(), e);
    }
    if (!mounted) {
      throw WardenException.badInput("--mount " + dir + " is not a mount point; mount the volume"
          + " there first (storage attach never formats or mounts anything)");
    }
  }
}
