package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.installer.process.EtcdProcess;
import io.etcdwarden.installer.testsupport.SingleMemberEtcd;
import io.etcdwarden.installer.testsupport.TlsClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the etcd under test (each of 3.4 to 3.7 in the build) accepts the file rendered for
 * its line and applies every setting in it.
 */
@Tag("etcd-versions")
class EtcdConfigRendererEtcdIT {
  @TempDir Path dir;

  private EtcdProcess etcd;

  @AfterEach
  void stopEtcd() {
    if (etcd != null) {
      etcd.kill();
    }
  }

  @Test
  void etcdStartsFromTheRenderedFileWithEverySettingApplied() throws Exception {
    SingleMemberEtcd member =
        SingleMemberEtcd.prepare(
            dir,
            b -> b.heartbeatIntervalMs(50).electionTimeoutMs(500).snapshotCount(1234)
                .maxSnapshots(3).maxWals(4).quotaBackendBytes(1L << 30).autoCompactionRetention("90m")
                .initialClusterToken("123456"));

    etcd = member.start();
    etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20));

    // What etcd answers: membership over the peer port, the quota in its metrics.
    HttpClient withCert =
        TlsClients.mutual(
            member.pki().issueClient("checker", dir.resolve("client"), Duration.ofHours(1)));
    JsonNode self = new ObjectMapper()
        .readTree(TlsClients.get(withCert, member.peerUrl().resolve("/members"))).get(0);
    assertThat(self.path("name").asText()).isEqualTo("m1");
    assertThat(self.path("peerURLs").get(0).asText()).isEqualTo(member.peerUrl().toString());
    assertThat(self.path("clientURLs").get(0).asText()).isEqualTo(member.clientUrl().toString());
    String metrics = TlsClients.get(HttpClient.newHttpClient(),
        member.config().listenMetricsUrls().get(0).resolve("/metrics"));
    assertThat(metric(metrics, "etcd_server_quota_backend_bytes")).isEqualTo(1L << 30);
    assertThat(dir.resolve("data/member/wal")).isDirectory();

    // Raft and storage tuning has no API: etcd's structured start-up entry carries it (the same
    // fields on 3.4 to 3.7). 3.6 on deprecate max-snapshots: the renderer leaves it to etcd.
    JsonNode started = logEntry(member.logFile(), "starting an etcd server");
    assertThat(started.path("data-dir").asText()).isEqualTo(dir.resolve("data").toString());
    assertThat(started.path("heartbeat-interval").asText()).isEqualTo("50ms");
    assertThat(started.path("election-timeout").asText()).isEqualTo("500ms");
    assertThat(started.path("snapshot-count").asLong()).isEqualTo(1234);
    assertThat(started.path("max-snapshots").asInt())
        .isEqualTo(member.line().acceptsMaxSnapshots() ? 3 : 5);
    assertThat(started.path("max-wals").asInt()).isEqualTo(4);
    assertThat(started.path("auto-compaction-mode").asText()).isEqualTo("periodic");
    assertThat(started.path("auto-compaction-retention").asText()).isEqualTo("1h30m0s");
    assertThat(started.path("initial-cluster-token").asText()).isEqualTo("123456");
    assertThat(started.path("initial-cluster-state").asText()).isEqualTo("new");
    assertThat(started.path("initial-cluster").asText()).isEqualTo("m1=" + member.peerUrl());

    // TLS by behaviour: both ports refuse a certificate from another CA.
    CertFiles stranger = Pki.createCa(dir.resolve("other-ca"), "another CA", Duration.ofDays(1))
        .issueClient("stranger", dir.resolve("stranger"), Duration.ofHours(1));
    HttpClient otherCa = TlsClients.mutual(
        new CertFiles(stranger.cert(), stranger.key(), member.credentials().ca()));
    assertThatThrownBy(() -> TlsClients.get(otherCa, member.clientUrl().resolve("/health")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TlsClients.get(otherCa, member.peerUrl().resolve("/members")))
        .isInstanceOf(IOException.class);
    assertThat(TlsClients.get(withCert, member.clientUrl().resolve("/health")))
        .contains("\"health\":\"true\"");
  }

  @Test
  void clientAndPeerPortsDemandACertificateFromTheCa() throws Exception {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(dir);
    etcd = member.start();
    etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20));

    HttpClient withCert =
        TlsClients.mutual(
            member.pki().issueClient("checker", dir.resolve("client"), Duration.ofHours(1)));
    HttpClient withoutCert = TlsClients.anonymous(member.credentials().ca());
    URI clientHealth = member.clientUrl().resolve("/health");
    URI peerMembers = member.peerUrl().resolve("/members");

    assertThat(TlsClients.get(withCert, clientHealth)).contains("\"health\":\"true\"");
    assertThat(TlsClients.get(withCert, peerMembers)).contains("\"name\":\"m1\"");
    assertThatThrownBy(() -> TlsClients.get(withoutCert, clientHealth))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TlsClients.get(withoutCert, peerMembers))
        .isInstanceOf(IOException.class);
  }

  private static long metric(String exposition, String name) {
    return exposition.lines().filter(l -> l.startsWith(name + " ")).findFirst()
        .map(l -> (long) Double.parseDouble(l.substring(name.length() + 1).strip()))
        .orElseThrow(() -> new AssertionError("no " + name + " in the metrics"));
  }

  private static JsonNode logEntry(Path log, String msg) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("{")) {
        JsonNode entry = json.readTree(line);
        if (msg.equals(entry.path("msg").asText())) {
          return entry;
        }
      }
    }
    throw new AssertionError("no \"" + msg + "\" entry in " + log);
  }
}
