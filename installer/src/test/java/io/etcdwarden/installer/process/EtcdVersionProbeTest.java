package io.etcdwarden.installer.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdVersionProbeTest {
  @TempDir Path dir;

  @Test
  void theRealBinaryReportsASupportedLine() {
    Path etcd = EtcdBinary.locate(System.getenv());

    assertThat(new EtcdVersionProbe().supported(etcd, "ETCD_BIN").line())
        .isIn((Object[]) EtcdLine.values());
  }

  @Test
  void anUnknownLineIsRefusedInOneLineNamingTheSource() throws Exception {
    Path etcd = script("echo 'etcd Version: 3.8.0'; echo 'Git SHA: x'");

    assertThatThrownBy(() -> new EtcdVersionProbe().supported(etcd, "--etcd-bin /opt/x"))
        .isInstanceOf(WardenException.class)
        .hasMessage("--etcd-bin /opt/x: etcd 3.8 is not supported by this etcd-warden"
            + " (supported: 3.4, 3.5, 3.6, 3.7)");
  }

  @Test
  void aBinaryThatPrintsNoVersionFailsOrHangsIsRefusedInBoundedTime() throws Exception {
    EtcdVersionProbe probe = new EtcdVersionProbe(Duration.ofMillis(500));
    Path silent = script("echo hello");
    Path failing = script("exit 3");
    Path hanging = script("exec sleep 30");

    assertThatThrownBy(() -> probe.supported(silent, "src")).hasMessageStartingWith("src: ")
        .hasMessageContaining("did not print its version").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> probe.supported(failing, "src")).hasMessageContaining("exited with 3");
    long start = System.nanoTime();
    assertThatThrownBy(() -> probe.supported(hanging, "src"))
        .hasMessageContaining("did not answer within");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  private Path script(String body) throws Exception {
    Path file = dir.resolve("etcd-" + System.nanoTime());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}
