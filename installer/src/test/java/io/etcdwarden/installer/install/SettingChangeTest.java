package io.etcdwarden.installer.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.config.EtcdMemberConfig;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a re-run of install calls a change, and which changes it may make in place. */
class SettingChangeTest {
  private static final URI PEER = URI.create("https://10.0.0.1:2380");

  private static EtcdMemberConfig installed() {
    return EtcdMemberConfig.builder().name("m1").dataDir(Path.of("/var/lib/etcd"))
        .listenClientUrls(URI.create("https://10.0.0.1:2379"))
        .advertiseClientUrls(URI.create("https://10.0.0.1:2379"))
        .listenPeerUrls(PEER).initialAdvertisePeerUrls(PEER)
        .addInitialClusterMember("m1", PEER).initialClusterToken("abc123")
        .certFile(Path.of("/t/m1.crt")).keyFile(Path.of("/t/m1.key"))
        .trustedCaFile(Path.of("/t/ca.crt")).quotaBackendBytes(1024).build();
  }

  @Test
  void equalConfigsHaveNoChanges() {
    assertThat(SettingChange.between(installed(), installed())).isEmpty();
  }

  @Test
  void aNewQuotaIsOneChangeMadeInPlace() {
    var changes = SettingChange.between(installed(),
        installed().toBuilder().quotaBackendBytes(2048).build());
    assertThat(changes).extracting(SettingChange::toString)
        .containsExactly("quota-backend-bytes: 1024 -> 2048");
    assertThat(changes.get(0).inPlace()).isTrue();
  }

  @Test
  void aGrownInitialClusterCannotChangeInPlace() {
    var changes = SettingChange.between(installed(), installed().toBuilder()
        .addInitialClusterMember("m2", URI.create("https://10.0.0.2:2380")).build());
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.setting()).isEqualTo("initial-cluster");
      assertThat(c.after()).isEqualTo("m1=" + PEER + ",m2=https://10.0.0.2:2380");
      assertThat(c.inPlace()).isFalse();
    });
  }
}
