package io.etcdwarden.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The distribution {@code mvn package} unpacked in target/, as an operator would install it. */
final class Dist {
  private Dist() {}

  /** The packaged {@code bin/check_etcd_cluster}, absolute. */
  static Path plugin() {
    try (Stream<Path> dirs = Files.list(Path.of("target"))) {
      return dirs.filter(d -> d.getFileName().toString().matches("etcd-warden-.*")
              && Files.isDirectory(d))
          .map(d -> d.resolve("bin/check_etcd_cluster")).filter(Files::isExecutable)
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "no target/etcd-warden-*/bin/check_etcd_cluster; run mvn package first"))
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
