package io.etcdwarden.storage.file;

import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.core.host.MountTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.PublishedSnapshot;
import io.etcdwarden.storage.SnapshotStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A volume target: mount point, free space, temp files and the URI options. */
class VolumeStoresTest {
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.gz";
  @TempDir Path dir;

  private URI uri(String query) {
    return URI.create("file://" + dir + query);
  }

  private Path mountInfoListing(Path mountPoint) throws IOException {
    return Files.writeString(dir.resolve("mountinfo"), "22 1 8:1 / " + mountPoint
        .toString().replace(" ", "\\040") + " rw,relatime shared:1 - ext4 /dev/sda1 rw\n");
  }

  @Test
  void aDirectoryThatIsNotAMountPointIsRefusedWithTheWayOut() throws IOException {
    MountTable none = new MountTable(mountInfoListing(Path.of("/elsewhere")));

    assertThatThrownBy(() -> VolumeStores.open(uri(""), none, FreeSpace.ofFileSystem()))
        .isInstanceOf(WardenException.class).hasMessageContaining("not a mount point")
        .hasMessageContaining("--allow-non-mount").hasMessageContaining(dir.toString());
  }

  @Test
  void aMountPointIsAcceptedAndAllowNonMountSkipsTheCheck() throws IOException {
    Path volume = Files.createDirectory(dir.resolve("my volume"));
    MountTable mounted = new MountTable(mountInfoListing(volume.toRealPath()));

    SnapshotStore store = VolumeStores.open(URI.create(volume.toUri().toString()), mounted,
        FreeSpace.ofFileSystem());
    SnapshotStore anyDir = VolumeStores.open(uri("?allow-non-mount=true"));

    assertThat(store.list()).isEmpty();
    assertThat(anyDir.location()).isEqualTo("file://" + dir);
  }

  @Test
  void theRealMountTableKnowsTheRootFileSystem() throws IOException {
    assertThat(MountTable.ofThisProcess().isMountPoint(Path.of("/"))).isTrue();
  }

  @Test
  void unknownOptionsAndMissingDirectoriesAreNamed() {
    assertThatThrownBy(() -> VolumeStores.open(uri("?allow-non-mnt=true")))
        .hasMessageContaining("allow-non-mnt").hasMessageContaining("allow-non-mount");
    assertThatThrownBy(() -> VolumeStores.open(URI.create("file:///no/such/dir")))
        .hasMessageContaining("/no/such/dir").hasMessageContaining("not a writable directory");
  }

  @Test
  void tooLittleFreeSpaceFailsBeforeWritingAnything() throws IOException {
    SnapshotStore store = VolumeStores.open(uri("?allow-non-mount=true&min-free-mb=10"),
        MountTable.ofThisProcess(), d -> 5L << 20);

    assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(100, 1)))
        .hasMessageContaining("volume nearly full").hasMessageContaining("min-free-mb");
    assertThat(entries()).isEmpty();
  }

  @Test
  void aVolumeThatFillsUpWhileWritingLeavesNoFiles() throws IOException {
    AtomicLong free = new AtomicLong(100L << 20);
    SnapshotStore store = VolumeStores.open(uri("?allow-non-mount=true&min-free-mb=64"),
        MountTable.ofThisProcess(), d -> free.addAndGet(-20L << 20));

    assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(40L << 20, 1)))
        .isInstanceOf(WardenException.class).hasMessageContaining("volume nearly full");
    assertThat(entries()).isEmpty();
  }

  @Test
  void aRealFullFileSystemFailsCleanly() throws Exception {
    Path small = Files.createDirectory(dir.resolve("small"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs",
        small.toString()).redirectErrorStream(true).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "needs root to mount");
    try {
      SnapshotStore store = VolumeStores.open(URI.create("file://" + small + "?min-free-mb=0"));

      assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(3L << 20, 1)))
          .isInstanceOf(WardenException.class).hasMessageContaining("volume full")
          .hasMessageContaining(small.toString());
      try (Stream<Path> left = Files.list(small)) {
        assertThat(left).isEmpty();
      }
    } finally {
      new ProcessBuilder("umount", small.toString()).start().waitFor();
    }
  }

  @Test
  void anExistingArchiveIsNeverOverwritten() throws IOException {
    SnapshotStore store = VolumeStores.open(uri("?allow-non-mount=true&min-free-mb=0"));
    PublishedSnapshot first = store.put(NAME, GeneratedStream.of(100, 1));

    assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(100, 2)))
        .isInstanceOf(WardenException.class);

    assertThat(store.list()).singleElement().matches(s -> s.sizeBytes() == 100);
    assertThat(first.copyCommand()).startsWith("scp ").endsWith(dir.resolve(NAME) + " .");
  }

  private java.util.List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().equals("mountinfo")).toList();
    }
  }
}
