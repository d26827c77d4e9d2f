package io.etcdwarden.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTableTest {
  @TempDir Path tmp;

  @Test
  void rootIsAMountPointOfThisProcess() throws Exception {
    assertThat(MountTable.ofThisProcess().isMountPoint(Path.of("/"))).isTrue();
  }

  @Test
  void escapedSpacesInMountPointsAreUnderstood() throws Exception {
    Path volume = Files.createDirectory(tmp.resolve("my volume"));
    Path plain = Files.createDirectory(tmp.resolve("plain"));
    String escaped = volume.toRealPath().toString().replace(" ", "\\040");
    Path table = Files.writeString(tmp.resolve("mountinfo"),
        "22 1 8:1 / / rw - ext4 /dev/vda rw\n"
            + "90 22 0:50 / " + escaped + " rw,relatime - tmpfs tmpfs rw,size=2048k\n");

    MountTable mounts = new MountTable(table);

    assertThat(mounts.isMountPoint(volume)).isTrue();
    assertThat(mounts.isMountPoint(plain)).isFalse();
  }
}
