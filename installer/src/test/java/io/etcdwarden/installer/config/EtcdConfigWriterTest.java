package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdConfigWriterTest {
  @TempDir Path dir;

  private final EtcdConfigWriter writer = new EtcdConfigWriter();

  @Test
  void writesTheFileGroupReadableAndCreatesItsDirectory() throws Exception {
    Path file = dir.resolve("etc/etcd/etcd.yaml");

    assertThat(writer.write(file, "name: \"m1\"\n")).isEqualTo(file);

    assertThat(file).hasContent("name: \"m1\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void replacesAnExistingFileWholeAndLeavesNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("etcd.yaml");
    Files.writeString(file, "old content that is longer than the new one\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    writer.write(file, "new\n");

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void unwritableDirectoryIsNamed() throws Exception {
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "");

    assertThatThrownBy(() -> writer.write(blocker.resolve("etcd.yaml"), "x"))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("cannot write " + blocker.resolve("etcd.yaml"));
  }
}
