package io.etcdwarden.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.SnapshotStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modes a volume store gives what it writes, whatever this JVM's umask: the archive 0600
 * (it holds the whole keyspace), its {@code .sha256} and {@code .verified} 0644 (only a hash,
 * readable by the Nagios user). The CLI's umask 000 case is in {@code SnapshotPublicationIT}.
 */
class VolumeFileModesTest {
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.gz";
  @TempDir Path dir;

  @Test
  void theArchiveIsOwnerOnlyAndItsHashesAreReadable() throws IOException {
    SnapshotStore store = new ChecksummedStore(
        new FileBlobStore(dir, FreeSpace.ofFileSystem(), 0, "host"), "file://" + dir);

    store.put(NAME, new ByteArrayInputStream(new byte[] {1, 2, 3}));
    store.markVerified(NAME);

    assertThat(mode(NAME)).isEqualTo("rw-------");
    assertThat(mode(NAME + SnapshotStore.SHA256_SUFFIX)).isIn("rw-r--r--", "rw-------");
    assertThat(mode(NAME + SnapshotStore.VERIFIED_SUFFIX)).isIn("rw-r--r--", "rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temp file left").hasSize(3);
    }
  }

  private String mode(String name) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)));
  }
}
