package io.etcdwarden.installer.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.config.EtcdMemberConfigBuilder;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a re-run of install calls a change, and which changes it may make in place. */
class SettingChangeTest {
  private static final URI PEER = URI.create("https://10.0.0.1:2380");

  private static final URI PEER2 = URI.create("https://10.0.0.2:2380");

  private static EtcdMemberConfig installed() {
    return member().addInitialClusterMember("m1", PEER).build();
  }

  /** Member m1 without its initial cluster. */
  private static EtcdMemberConfigBuilder member() {
    return EtcdMemberConfig.builder().name("m1").dataDir(Path.of("/var/lib/etcd"))
        .listenClientUrls(URI.create("https://10.0.0.1:2379"))
        .advertiseClientUrls(URI.create("https://10.0.0.1:2379"))
        .listenPeerUrls(PEER).initialAdvertisePeerUrls(PEER)
        .initialClusterToken("abc123")
        .certFile(Path.of("/t/m1.crt")).keyFile(Path.of("/t/m1.key"))
        .trustedCaFile(Path.of("/t/ca.crt")).quotaBackendBytes(1024);
  }

  @Test
  void theSameInitialClusterInAnotherOrderIsNoChange() {
    // member add writes the joining member first; a re-run of install lists them as given.
    EtcdMemberConfig joined = member().addInitialClusterMember("m2", PEER2)
        .addInitialClusterMember("m1", PEER).build();
    EtcdMemberConfig asGiven = member().addInitialClusterMember("m1", PEER)
        .addInitialClusterMember("m2", PEER2).build();
    assertThat(SettingChange.between(joined, asGiven)).isEmpty();
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
