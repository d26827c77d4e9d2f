package io.etcdwarden.installer.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdBinaryTest {
  @TempDir Path dir;

  @Test
  void etcdBinWinsOverPathAsFileOrDirectory() throws Exception {
    Path release = dir.resolve("release");
    Path etcd = executable(release.resolve("etcd"));
    Path onPath = executable(dir.resolve("bin/etcd"));

    String path = onPath.getParent().toString();

    assertThat(EtcdBinary.locate(Map.of("ETCD_BIN", etcd.toString(), "PATH", path)))
        .isEqualTo(etcd);
    assertThat(EtcdBinary.locate(Map.of("ETCD_BIN", release.toString()))).isEqualTo(etcd);
    String withJunk = "::" + dir.resolve("nowhere") + ":" + path;
    assertThat(EtcdBinary.locate(Map.of("PATH", withJunk))).isEqualTo(onPath);
  }

  @Test
  void missingOrUnusableEtcdBinIsNamed() throws Exception {
    assertThatThrownBy(() -> EtcdBinary.locate(Map.of("ETCD_BIN", "/nonexistent")))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("ETCD_BIN=/nonexistent")
        .hasMessageContaining("does not exist");

    Path plain = Files.writeString(dir.resolve("etcd"), "");
    assertThatThrownBy(() -> EtcdBinary.locate(Map.of("ETCD_BIN", plain.toString())))
        .hasMessageContaining("ETCD_BIN=")
        .hasMessageContaining("is not executable");
  }

  @Test
  void nothingOnPathTellsHowToInstall() {
    List<Map<String, String>> nothingUsable =
        List.of(Map.of("PATH", ""), Map.of(), Map.of("PATH", ":"), Map.of("ETCD_BIN", " "));
    for (Map<String, String> env : nothingUsable) {
      assertThatThrownBy(() -> EtcdBinary.locate(env))
          .isInstanceOf(WardenException.class)
          .hasMessage(
              "etcd binary not found on PATH or in ETCD_BIN; install it with: apt-get install -y"
                  + " etcd-server (Debian) or point ETCD_BIN at an etcd executable");
    }
  }

  @Test
  void etcdctlComesFromEtcdctlBinThenBesideEtcdThenPath() throws Exception {
    Path release = dir.resolve("release");
    Path etcd = executable(release.resolve("etcd"));
    Path besideEtcd = executable(release.resolve("etcdctl"));
    Path explicit = executable(dir.resolve("other/etcdctl"));
    Path onPath = executable(dir.resolve("bin/etcdctl"));
    String path = onPath.getParent().toString();

    Map<String, String> both =
        Map.of("ETCDCTL_BIN", explicit.toString(), "ETCD_BIN", etcd.toString());
    assertThat(EtcdBinary.locateEtcdctl(both)).isEqualTo(explicit);
    assertThat(EtcdBinary.locateEtcdctl(Map.of("ETCD_BIN", etcd.toString(), "PATH", path)))
        .isEqualTo(besideEtcd);
    assertThat(EtcdBinary.locateEtcdctl(Map.of("PATH", path))).isEqualTo(onPath);
    assertThatThrownBy(() -> EtcdBinary.locateEtcdctl(Map.of("PATH", "")))
        .hasMessageContaining("apt-get install -y etcd-client");
    assertThatThrownBy(() -> EtcdBinary.locateEtcdctl(Map.of("ETCDCTL_BIN", "/nonexistent")))
        .hasMessageContaining("ETCDCTL_BIN=/nonexistent");
  }

  @Test
  void findsTheInstalledDebianPackageOnTheRealPath() {
    assertThat(EtcdBinary.locate(Map.of("PATH", "/usr/local/bin:/usr/bin")))
        .isIn(Path.of("/usr/bin/etcd"), Path.of("/usr/local/bin/etcd"));
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
