package io.etcdwarden.installer.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes a folder with everything in it, children first, without following symbolic links out
 * of it (a {@code current} link to a release is removed, not what it points to).
 */
public final class DirectoryTree {
  private DirectoryTree() {}

  /** Deletes {@code dir} and its content; does nothing if it does not exist. */
  public static void delete(Path dir) throws IOException {
    deleteContent(dir);
    Files.deleteIfExists(dir);
  }

  /** Deletes what {@code dir} holds and keeps the (then empty) folder itself. */
  public static void deleteContent(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }
}
