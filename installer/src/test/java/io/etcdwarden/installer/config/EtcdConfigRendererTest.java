package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.etcdwarden.core.version.EtcdLine;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdConfigRendererTest {
  private final EtcdConfigRenderer renderer = new EtcdConfigRenderer(EtcdLine.V3_4);

  @Test
  void rendersEveryKeyEtcdReadsWithTheCharmDefaults() {
    String yaml = renderer.render(EtcdMemberConfigTest.valid().build());

    assertThat(yaml.lines().filter(line -> !line.startsWith("#")))
        .containsExactly(
            "name: \"m1\"",
            "data-dir: \"/var/lib/etcd\"",
            "listen-client-urls: \"https://10.0.0.1:2379,https://127.0.0.1:2379\"",
            "advertise-client-urls: \"https://10.0.0.1:2379\"",
            "listen-peer-urls: \"https://10.0.0.1:2380\"",
            "initial-advertise-peer-urls: \"https://10.0.0.1:2380\"",
            "initial-cluster: \"m1=https://10.0.0.1:2380,m2=https://10.0.0.2:2380,"
                + "m3=https://etcd-3.example.com:2380\"",
            "initial-cluster-token: \"abc123\"",
            "initial-cluster-state: \"new\"",
            "snapshot-count: 100000",
            "heartbeat-interval: 100",
            "election-timeout: 1000",
            "max-snapshots: 5",
            "max-wals: 5",
            "strict-reconfig-check: true",
            "logger: \"zap\"",
            "log-outputs: [\"stderr\"]",
            "client-transport-security:",
            "  cert-file: \"/etc/etcd/pki/m1.crt\"",
            "  key-file: \"/etc/etcd/pki/m1.key\"",
            "  client-cert-auth: true",
            "  trusted-ca-file: \"/etc/etcd/pki/ca.crt\"",
            "  auto-tls: false",
            "peer-transport-security:",
            "  cert-file: \"/etc/etcd/pki/m1.crt\"",
            "  key-file: \"/etc/etcd/pki/m1.key\"",
            "  client-cert-auth: true",
            "  trusted-ca-file: \"/etc/etcd/pki/ca.crt\"",
            "  auto-tls: false");
  }

  @Test
  void from36OnMaxSnapshotsIsLeftToEtcdAndEverythingElseStays() {
    String for34 = renderer.render(EtcdMemberConfigTest.valid().build());
    for (EtcdLine line : List.of(EtcdLine.V3_6, EtcdLine.V3_7)) {
      String yaml = new EtcdConfigRenderer(line).render(EtcdMemberConfigTest.valid().build());

      assertThat(yaml).doesNotContain("max-snapshots");
      assertThat(yaml.lines()).containsExactlyElementsOf(
          for34.lines().filter(l -> !l.startsWith("max-snapshots:")).toList());
    }
    assertThat(new EtcdConfigRenderer(EtcdLine.V3_5).render(EtcdMemberConfigTest.valid().build()))
        .isEqualTo(for34);
  }

  @Test
  void optionalKeysAppearOnlyWhenSet() {
    String yaml =
        renderer.render(
            EtcdMemberConfigTest.valid()
                .listenMetricsUrls(
                    URI.create("http://127.0.0.1:2381"), URI.create("http://10.0.0.1:2381"))
                .quotaBackendBytes(8L << 30)
                .initialClusterState(ClusterState.EXISTING)
                .strictReconfigCheck(false)
                .logOutputs(List.of("stderr", "/var/log/etcd.log"))
                .build());

    assertThat(yaml)
        .contains("\nlisten-metrics-urls: \"http://127.0.0.1:2381,http://10.0.0.1:2381\"\n")
        .contains("\nquota-backend-bytes: 8589934592\n")
        .contains("\ninitial-cluster-state: \"existing\"\n")
        .contains("\nstrict-reconfig-check: false\n")
        .contains("\nlog-outputs: [\"stderr\", \"/var/log/etcd.log\"]\n");
  }

  @Test
  void yamlCarriesTheTypesEtcdsJsonTagsDemand() throws Exception {
    // etcd turns YAML into JSON before decoding: a string field given a number or a boolean, or
    // a bool field given a string, stops it at start-up. Check what a YAML parser actually sees.
    String yaml =
        renderer.render(EtcdMemberConfigTest.valid().name("yes").initialClusterToken("123456")
            .addInitialClusterMember("yes", EtcdMemberConfigTest.PEER).build());
    Map<String, Object> parsed = parse(yaml);

    assertThat(parsed.get("name")).isEqualTo("yes");
    assertThat(parsed.get("initial-cluster-token")).isEqualTo("123456");
    assertThat(parsed.get("listen-client-urls")).isInstanceOf(String.class);
    assertThat(parsed.get("snapshot-count")).isEqualTo(100000);
    assertThat(parsed.get("strict-reconfig-check")).isEqualTo(true);
    assertThat(parsed.get("log-outputs")).isEqualTo(List.of("stderr"));
    assertThat(parsed.get("peer-transport-security"))
        .isEqualTo(
            Map.of(
                "cert-file", "/etc/etcd/pki/m1.crt",
                "key-file", "/etc/etcd/pki/m1.key",
                "client-cert-auth", true,
                "trusted-ca-file", "/etc/etcd/pki/ca.crt",
                "auto-tls", false));
  }

  @Test
  void quotingSurvivesQuotesBackslashesAndLineBreaks() throws Exception {
    assertThat(EtcdConfigRenderer.quote("a\"b\\c\nd\u2028e"))
        .isEqualTo("\"a\\\"b\\\\c\\u000ad\\u2028e\"");

    String yaml = "data-dir: " + EtcdConfigRenderer.quote("/srv/it's \"odd\"\n: x") + "\n";
    Map<String, Object> parsed = parse(yaml);
    assertThat(parsed).containsOnlyKeys("data-dir");
    assertThat(parsed.get("data-dir")).isEqualTo("/srv/it's \"odd\"\n: x");
  }

  private static Map<String, Object> parse(String yaml) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readValue(yaml, new TypeReference<>() {});
  }
}
