package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes a directory's file system has free for us: the seam tests use to fake a full disk. */
@FunctionalInterface
public interface FreeSpace {
  long usable(Path dir);

  /** What the file system says. */
  static FreeSpace ofFileSystem() {
    return dir -> {
      try {
        return Files.getFileStore(dir).getUsableSpace();
      } catch (IOException e) {
        throw new WardenException("cannot read the free space of " + dir + ": " + e.getMessage(),
            e);
      }
    };
  }
}
