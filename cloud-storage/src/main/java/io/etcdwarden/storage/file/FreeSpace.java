package io.etcdwarden.storage.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes may still be written to the volume holding a directory. Injected so that a
 * test can play a volume that fills up; the real one asks the file system.
 */
@FunctionalInterface
public interface FreeSpace {
  long usableBytes(Path dir) throws IOException;

  /** The file system's own answer. */
  static FreeSpace ofFileSystem() {
    return dir -> Files.getFileStore(dir).getUsableSpace();
  }
}
