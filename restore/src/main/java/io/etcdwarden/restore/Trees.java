package io.etcdwarden.restore;

import io.etcdwarden.installer.files.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sizes and clean-up of directory trees that restore stages and sets aside. */
final class Trees {
  private Trees() {}

  /** Bytes in the regular files under {@code dir}; 0 when it does not exist. */
  static long size(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Deletes a tree we created ourselves (staging, a failed restore); never the old data. */
  static void deleteQuietly(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        DirectoryTree.delete(dir);
      } else {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      // Left behind under a name that says what it is; the report names it.
    }
  }
}
