package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EtcdMemberConfigTest {
  static final URI CLIENT = URI.create("https://10.0.0.1:2379");
  static final URI PEER = URI.create("https://10.0.0.1:2380");

  /** A valid member of a three-member cluster; tests change one thing at a time. */
  static EtcdMemberConfigBuilder valid() {
    return EtcdMemberConfig.builder()
        .name("m1")
        .dataDir(Path.of("/var/lib/etcd"))
        .listenClientUrls(CLIENT, URI.create("https://127.0.0.1:2379"))
        .advertiseClientUrls(CLIENT)
        .listenPeerUrls(PEER)
        .initialAdvertisePeerUrls(PEER)
        .addInitialClusterMember("m1", PEER)
        .addInitialClusterMember("m2", URI.create("https://10.0.0.2:2380"))
        .addInitialClusterMember("m3", URI.create("https://etcd-3.example.com:2380"))
        .initialClusterToken("abc123")
        .certFile(Path.of("/etc/etcd/pki/m1.crt"))
        .keyFile(Path.of("/etc/etcd/pki/m1.key"))
        .trustedCaFile(Path.of("/etc/etcd/pki/ca.crt"));
  }

  @Test
  void defaultsAreTheCharms() {
    EtcdMemberConfig config = valid().build();

    assertThat(config.heartbeatIntervalMs()).isEqualTo(100);
    assertThat(config.electionTimeoutMs()).isEqualTo(1000);
    assertThat(config.snapshotCount()).isEqualTo(100_000);
    assertThat(config.maxSnapshots()).isEqualTo(5);
    assertThat(config.maxWals()).isEqualTo(5);
    assertThat(config.strictReconfigCheck()).isTrue();
    assertThat(config.quotaBackendBytes()).isZero();
    assertThat(config.logger()).isEqualTo("zap");
    assertThat(config.logOutputs()).containsExactly("stderr");
    assertThat(config.initialClusterState()).isEqualTo(ClusterState.NEW);
    assertThat(config.listenMetricsUrls()).isEmpty();
    assertThat(config.initialCluster().keySet()).containsExactly("m1", "m2", "m3");
  }

  @Test
  void configIsImmutableAndRoundTripsThroughItsBuilder() {
    EtcdMemberConfig config = valid().build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThat(config.toBuilder().initialClusterState(ClusterState.EXISTING).build())
        .isNotEqualTo(config);
    assertThatThrownBy(() -> config.listenClientUrls().add(CLIENT))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.initialCluster().put("m4", PEER))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachBadFieldIsNamedByItsEtcdKey() {
    assertRejected(b -> b.name(null), "name");
    assertRejected(b -> b.name("m=1"), "name 'm=1'");
    assertRejected(b -> b.dataDir(Path.of("data")), "data-dir 'data' must be an absolute path");
    assertRejected(b -> b.listenClientUrls(List.of()), "listen-client-urls is required");
    assertRejected(
        b -> b.listenClientUrls(URI.create("https://etcd-1.example.com:2379")),
        "listen-client-urls URL 'https://etcd-1.example.com:2379' must use an IP address");
    assertRejected(
        b -> b.advertiseClientUrls(URI.create("https://10.0.0.1")), "advertise-client-urls");
    assertRejected(b -> b.advertiseClientUrls(URI.create("unix://x:1")), "http:// or https://");
    assertRejected(b -> b.listenPeerUrls(URI.create("https://10.0.0.1:2380/")), "no path");
    assertRejected(
        b -> b.listenMetricsUrls(URI.create("http://10.0.0.1:2381?x=1")), "listen-metrics-urls");
    assertRejected(b -> b.initialClusterToken(" "), "initial-cluster-token");
    assertRejected(b -> b.initialClusterState(null), "initial-cluster-state");
    assertRejected(b -> b.certFile(null), "cert-file is required");
    assertRejected(b -> b.keyFile(Path.of("m1.key")), "key-file");
    assertRejected(b -> b.trustedCaFile(null), "trusted-ca-file");
    assertRejected(b -> b.snapshotCount(0), "snapshot-count");
    assertRejected(b -> b.maxWals(-1), "max-wals");
    assertRejected(b -> b.quotaBackendBytes(-1), "quota-backend-bytes");
    assertRejected(b -> b.logger("capnslog"), "logger 'capnslog'");
    assertRejected(b -> b.logOutputs(List.of()), "log-outputs");
  }

  @Test
  void initialClusterMustListThisMemberWithItsAdvertisedPeerUrl() {
    assertRejected(b -> b.initialCluster(null), "initial-cluster is required");
    assertRejected(b -> b.name("m9"), "initial-cluster does not list this member 'm9'");
    assertRejected(
        b -> b.initialAdvertisePeerUrls(URI.create("https://10.0.0.9:2380")),
        "initial-cluster gives 'm1' the peer URL https://10.0.0.1:2380");
    assertRejected(
        b -> b.addInitialClusterMember("m,4", PEER), "initial-cluster member name 'm,4'");
  }

  @Test
  void electionTimeoutMustCoverFiveHeartbeats() {
    assertRejected(b -> b.heartbeatIntervalMs(0), "heartbeat-interval");
    assertRejected(
        b -> b.heartbeatIntervalMs(300).electionTimeoutMs(1000),
        "election-timeout (1000 ms) must be at least 5 x heartbeat-interval (300 ms)");
    assertRejected(b -> b.electionTimeoutMs(60_000), "maximum of 50000 ms");
    assertThat(valid().heartbeatIntervalMs(200).electionTimeoutMs(1000).build()).isNotNull();
  }

  @Test
  void ipv6AndLocalhostListenUrlsAreAccepted() {
    EtcdMemberConfig config =
        valid()
            .listenClientUrls(URI.create("https://[::1]:2379"), URI.create("http://localhost:2379"))
            .build();

    assertThat(config.listenClientUrls()).hasSize(2);
  }

  @Test
  void randomClusterTokensAreSixLowercaseAlphanumerics() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String token = EtcdMemberConfig.randomClusterToken();
      assertThat(token).matches("[a-z0-9]{6}");
      tokens.add(token);
    }
    assertThat(tokens).hasSizeGreaterThan(45);
  }

  private static void assertRejected(UnaryOperator<EtcdMemberConfigBuilder> change, String detail) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(detail)
        .extracting(e -> ((WardenException) e).kind())
        .isEqualTo(WardenException.Kind.BAD_INPUT);
  }
}
