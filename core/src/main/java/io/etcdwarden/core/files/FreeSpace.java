package io.etcdwarden.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes may still be written to the volume holding a directory: the one seam through
 * which the volume store, restore's preflight and the storage move ask the file system, so that
 * a test can play a volume that is full or fills up. Each caller says in its own words what a
 * failure to ask means; the real one asks the file system.
 */
@FunctionalInterface
public interface FreeSpace {
  long usableBytes(Path dir) throws IOException;

  /** The file system's own answer. */
  static FreeSpace ofFileSystem() {
    return dir -> Files.getFileStore(dir).getUsableSpace();
  }
}
