package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving an installed member's data onto an attached volume (a tmpfs mounted in the test, as an
 * EBS or Cinder volume would be): the data survives the move, the config points at the volume,
 * the old data is kept; a plain folder or a volume too small is refused with the member left
 * running on its old data.
 */
class StorageAttachIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));

  @TempDir Path tmp;
  private InstallFixture fixture;
  private Path credentials;
  private final List<Path> mounts = new ArrayList<>();

  @BeforeEach
  void installOneMember() throws Exception {
    fixture = new InstallFixture(tmp, 1);
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin());
    credentials = fixture.unpackedCredentials(ENV);
    assertThat(fixture.etcdctl(credentials, "put precious value-1").output()).contains("OK");
  }

  @AfterEach
  void cleanUp() throws Exception {
    fixture.killAll();
    for (Path mount : mounts) {
      InstallFixture.exec(tmp, Map.of(), "umount", mount.toString());
    }
  }

  @Test
  @Tag("etcd-versions")
  void dataMovesOntoTheVolumeAndTheMemberServesItFromThere() throws Exception {
    Path volume = tmpfs("volume", "512m");

    CliRun attach = CliRun.run(ENV, "storage", "attach", "--mount", volume.toString(),
        "--data-dir", fixture.dataDir(0).toString());

    assertThat(attach.exitCode()).as(attach.toString()).isZero();
    assertThat(attach.out()).contains("copied and verified", "old data kept in");
    assertThat(Files.readString(fixture.dataDir(0).resolve("etcd.yaml")))
        .contains("data-dir: \"" + volume.resolve("etcd0") + "\"");
    assertThat(volume.resolve("etcd0/member/snap/db")).isRegularFile();
    assertThat(fixture.dataDir(0).resolve("data/member/snap/db")).isRegularFile();
    assertThat(fixture.etcdctl(credentials, "get precious --print-value-only").output())
        .contains("value-1");
  }

  @Test
  void aFolderThatIsNotAMountPointIsRefusedAndTheMemberKeepsRunning() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("not-mounted"));

    CliRun attach = CliRun.run(ENV, "storage", "attach", "--mount", plain.toString(),
        "--data-dir", fixture.dataDir(0).toString());

    assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(2);
    assertThat(attach.err()).contains("is not a mount point", "never formats");
    assertThat(fixture.etcdctl(credentials, "get precious --print-value-only").output())
        .contains("value-1");
  }

  @Test
  void aVolumeTooSmallIsRefusedBeforeTheMemberStops() throws Exception {
    Path small = tmpfs("small", "4m");
    long pid = fixture.pid(0).orElseThrow();

    CliRun attach = CliRun.run(ENV, "storage", "attach", "--mount", small.toString(),
        "--data-dir", fixture.dataDir(0).toString());

    assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(2);
    assertThat(attach.err()).contains("bytes free");
    assertThat(fixture.pid(0)).contains(pid);
    assertThat(small.resolve("etcd0")).doesNotExist();
  }

  private Path tmpfs(String name, String size) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    InstallFixture.Exec mount = InstallFixture.exec(tmp, Map.of(), "mount", "-t", "tmpfs",
        "-o", "size=" + size, "tmpfs", dir.toString());
    assumeTrue(mount.exitCode() == 0, "mounting a tmpfs needs root: " + mount.output());
    mounts.add(dir);
    return dir;
  }
}
