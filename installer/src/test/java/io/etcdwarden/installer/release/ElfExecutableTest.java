package io.etcdwarden.installer.release;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfExecutableTest {
  @TempDir Path tmp;

  @Test
  void debiansEtcdIsAmd64() {
    assertThatCode(() -> ElfExecutable.requireAmd64(Path.of("/usr/bin/etcd"), "debian"))
        .doesNotThrowAnyException();
  }

  @Test
  void anArm64HeaderIsRefusedNamingTheMachine() throws Exception {
    byte[] header = Files.readAllBytes(Path.of("/usr/bin/etcd"));
    byte[] arm = java.util.Arrays.copyOf(header, 64);
    arm[18] = (byte) 0xB7; // EM_AARCH64
    arm[19] = 0;
    Path binary = Files.write(tmp.resolve("etcd"), arm);

    assertThatThrownBy(() -> ElfExecutable.requireAmd64(binary, "release.tar.gz"))
        .hasMessageContaining("another architecture (ELF machine 0xb7)");
  }
}
