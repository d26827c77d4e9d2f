package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberQuotaTest {
  @TempDir Path tmp;

  @Test
  void readsTheRenderedMemberConfig() throws Exception {
    EtcdMemberConfig config = EtcdMemberConfigTest.valid().quotaBackendBytes(16L << 20).build();
    Path file = tmp.resolve("etcd.yaml");
    Files.writeString(file, new EtcdConfigRenderer(io.etcdwarden.core.version.EtcdLine.V3_6).render(config));
    assertThat(MemberQuota.read(file)).isEqualTo(16L << 20);
  }

  @Test
  void absentOrZeroIsEtcdsDefault() {
    assertThat(MemberQuota.of("name: m1\n", "etcd.yaml")).isEqualTo(2L << 30);
    assertThat(MemberQuota.of("quota-backend-bytes: 0\n", "etcd.yaml")).isEqualTo(2L << 30);
  }

  @Test
  void aBadValueOrFileIsOneLineNamingIt() {
    assertThatThrownBy(() -> MemberQuota.of("quota-backend-bytes: 8GB\n", "etcd.yaml"))
        .isInstanceOf(WardenException.class)
        .hasMessage("etcd.yaml: quota-backend-bytes must be a whole number of bytes, got '8GB'");
    assertThatThrownBy(() -> MemberQuota.read(tmp.resolve("missing.yaml")))
        .hasMessageStartingWith("cannot read the etcd config " + tmp.resolve("missing.yaml"))
        .hasMessageNotContaining("\n");
  }
}
