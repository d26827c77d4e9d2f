package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdLine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config install rendered reads back into the very settings it was rendered from. */
class InstalledConfigTest {
  @TempDir Path tmp;

  @Test
  void aRenderedConfigReadsBackUnchangedWithEveryTunedSetting() throws Exception {
    EtcdMemberConfig installed = tuned();
    Path file = tmp.resolve("etcd.yaml");
    Files.writeString(file, new EtcdConfigRenderer(EtcdLine.V3_5).render(installed));

    assertThat(InstalledConfig.read(file)).isEqualTo(installed);
  }

  @Test
  void aConfigRenderedFor36WithoutMaxSnapshotsReadsBack() throws Exception {
    Path file = tmp.resolve("etcd.yaml");
    Files.writeString(file, new EtcdConfigRenderer(EtcdLine.V3_6).render(tuned()));

    assertThat(new EtcdConfigRenderer(EtcdLine.V3_7).render(InstalledConfig.read(file)))
        .isEqualTo(new EtcdConfigRenderer(EtcdLine.V3_7).render(tuned()));
  }

  @Test
  void aConfigWithoutOneOfTheKeysIsRefusedNamingIt() throws Exception {
    Path file = tmp.resolve("etcd.yaml");
    Files.writeString(file, new EtcdConfigRenderer(EtcdLine.V3_5).render(tuned()).replaceFirst(
        "(?m)^data-dir: .*\n", ""));

    assertThatThrownBy(() -> InstalledConfig.read(file)).isInstanceOf(WardenException.class)
        .hasMessageContaining("has no 'data-dir'").hasMessageNotContaining("\n");
  }

  private EtcdMemberConfig tuned() {
    return EtcdMemberConfig.builder()
        .name("etcd-one")
        .dataDir(tmp.resolve("data dir"))
        .listenClientUrls(URI.create("https://127.0.0.1:2379"), URI.create("https://10.0.0.1:2379"))
        .advertiseClientUrls(URI.create("https://10.0.0.1:2379"))
        .listenPeerUrls(URI.create("https://10.0.0.1:2380"))
        .initialAdvertisePeerUrls(URI.create("https://10.0.0.1:2380"))
        .listenMetricsUrls(URI.create("http://127.0.0.1:2381"))
        .initialCluster(Map.of("etcd-one", URI.create("https://10.0.0.1:2380")))
        .initialClusterToken("123456")
        .initialClusterState(ClusterState.EXISTING)
        .certFile(tmp.resolve("tls/m.crt"))
        .keyFile(tmp.resolve("tls/m.key"))
        .trustedCaFile(tmp.resolve("tls/ca.crt"))
        .snapshotCount(1000)
        .quotaBackendBytes(8L << 30)
        .autoCompactionRetention("2h")
        .build();
  }
}
