package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.files.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scratch folder of a drill ({@link SnapshotDrill}, {@link ClusterDrill}): made fresh under
 * the folder the operator chose, named {@code etcd-warden-drill-*}, and removed when the drill
 * ends whatever its outcome. It holds nothing but copies, so a folder that cannot be removed is
 * left for its name to explain.
 */
final class DrillScratch {
  private DrillScratch() {}

  /** A new scratch folder under {@code parent}; a failure names the folder. */
  static Path create(Path parent) {
    try {
      return Files.createTempDirectory(parent, "etcd-warden-drill-");
    } catch (IOException e) {
      throw new WardenException("cannot create a scratch folder in " + parent + ": "
          + e.getMessage(), e);
    }
  }

  /** Removes {@code scratch} and everything in it, as far as it can. */
  static void delete(Path scratch) {
    try {
      DirectoryTree.delete(scratch);
    } catch (IOException e) {
      // Reported by the scratch folder's name; it holds nothing but copies.
    }
  }
}
