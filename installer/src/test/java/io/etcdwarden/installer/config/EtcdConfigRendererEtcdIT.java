package io.etcdwarden.installer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that etcd 3.4 itself accepts the rendered file and applies every setting in it. */
class EtcdConfigRendererEtcdIT {
  @TempDir Path dir;

  private EtcdProcess etcd;

  @BeforeEach
  void requireEtcd() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "etcd 3.4 is not installed");
  }

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
                .maxSnapshots(3).maxWals(4).quotaBackendBytes(1L << 30)
                .initialClusterToken("123456"));

    etcd = member.start();
    etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20));

    JsonNode started = logEntry(member.logFile(), "starting an etcd server");
    assertThat(started.path("name").asText()).isEqualTo("m1");
    assertThat(started.path("data-dir").asText()).isEqualTo(dir.resolve("data").toString());
    assertThat(started.path("heartbeat-interval").asText()).isEqualTo("50ms");
    assertThat(started.path("election-timeout").asText()).isEqualTo("500ms");
    assertThat(started.path("snapshot-count").asLong()).isEqualTo(1234);
    assertThat(started.path("max-snapshots").asInt()).isEqualTo(3);
    assertThat(started.path("max-wals").asInt()).isEqualTo(4);
    assertThat(started.path("quota-backend-bytes").asLong()).isEqualTo(1L << 30);
    assertThat(started.path("initial-cluster-token").asText()).isEqualTo("123456");
    assertThat(started.path("initial-cluster-state").asText()).isEqualTo("new");
    assertThat(started.path("initial-cluster").asText()).isEqualTo("m1=" + member.peerUrl());
    assertThat(started.path("listen-client-urls").get(0).asText())
        .isEqualTo(member.clientUrl().toString());
    assertThat(started.path("listen-metrics-urls").get(0).asText())
        .isEqualTo(member.config().listenMetricsUrls().get(0).toString());
    String tls =
        "cert = " + member.credentials().cert() + ", key = " + member.credentials().key()
            + ", trusted-ca = " + member.credentials().ca() + ", client-cert-auth = true";
    assertThat(logEntry(member.logFile(), "starting with client TLS").path("tls-info").asText())
        .startsWith(tls);
    assertThat(logEntry(member.logFile(), "starting with peer TLS").path("tls-info").asText())
        .startsWith(tls);
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
