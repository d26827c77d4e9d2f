package io.etcdwarden.installer.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class InitialClusterTest {
  private static final String THREE =
      "etcd0=https://10.0.0.1:2380,etcd1=https://10.0.0.2:2380,etcd2=https://10.0.0.3:2380";

  @Test
  void everyHostDerivesTheSameSixCharacterTokenWhateverTheOrder() {
    String reordered =
        "etcd2=https://10.0.0.3:2380,etcd0=https://10.0.0.1:2380,etcd1=https://10.0.0.2:2380";

    String token = InitialCluster.parse(THREE).derivedToken();

    assertThat(token).matches("[a-z0-9]{6}");
    assertThat(InitialCluster.parse(reordered).derivedToken()).isEqualTo(token);
    assertThat(InitialCluster.parse(THREE.replace("10.0.0.3", "10.0.0.4")).derivedToken())
        .isNotEqualTo(token);
  }

  @Test
  void peerUrlOfAListedMemberAndRefusalOfAnUnlistedOne() {
    InitialCluster cluster = InitialCluster.parse(THREE);

    assertThat(cluster.peerUrlOf("etcd1")).isEqualTo(URI.create("https://10.0.0.2:2380"));
    assertThatThrownBy(() -> cluster.peerUrlOf("etcd9")).isInstanceOf(WardenException.class)
        .hasMessageContaining("does not contain --name etcd9");
  }

  @Test
  void plainHttpPeersAndMalformedEntriesAreRefused() {
    assertThatThrownBy(() -> InitialCluster.parse("etcd0=http://10.0.0.1:2380"))
        .hasMessageContaining("https://host:port");
    assertThatThrownBy(() -> InitialCluster.parse("etcd0"))
        .hasMessageContaining("is not name=https://host:port");
    assertThatThrownBy(() -> InitialCluster.parse("a=https://h:1,a=https://h:2"))
        .hasMessageContaining("twice");
  }
}
