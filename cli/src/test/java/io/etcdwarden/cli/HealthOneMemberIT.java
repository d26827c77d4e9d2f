package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A 1-member TLS cluster, and every way an operator can point the CLI at it wrongly. */
class HealthOneMemberIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  private Map<String, String> env(String key, String value) {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put(key, value);
    return env;
  }

  @Test
  void singleMemberIsHealthyAndItsOwnLeader() {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Healthy with 1 known peers (leader etcd0)");
  }

  @Test
  void clientCertificateFromAnotherCaIsReportedAsAFailedTlsHandshake() {
    CertFiles intruder = Pki.createCa(tmp.resolve("other-ca"), "Another CA", Duration.ofDays(1))
        .issueClient("intruder", tmp.resolve("intruder"), Duration.ofDays(1));
    Map<String, String> env = env("ETCDCTL_CERT", intruder.cert().toString());
    env.put("ETCDCTL_KEY", intruder.key().toString());

    CliRun run = CliRun.run(env, "health");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("TLS handshake failed").startsWith("NAME");
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("Unhealthy:");
  }

  @Test
  void serverCertificateNotSignedByOurCaIsReportedAsAFailedTlsHandshake() {
    Path otherCa = Pki.createCa(tmp.resolve("other-ca"), "Another CA", Duration.ofDays(1))
        .caCertFile();

    CliRun run = CliRun.run(env("ETCDCTL_CACERT", otherCa.toString()), "health");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("TLS handshake failed").contains(otherCa.toString());
  }

  @Test
  void unreachableEndpointSaysConnectionRefusedWithoutHanging() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }

    CliRun run = CliRun.run(env("ETCDCTL_ENDPOINTS", "https://127.0.0.1:" + closedPort),
        "health", "--timeout", "2s");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("connection refused").contains("Unhealthy");
  }

  @Test
  void missingKeyFileIsAUsageErrorNamingTheVariable() {
    CliRun run = CliRun.run(env("ETCDCTL_KEY", tmp.resolve("nope.key").toString()), "health");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("nope.key").contains("ETCDCTL_KEY").doesNotContain("at io.");
  }

  @Test
  void keyThatDoesNotMatchTheCertificateIsNamed() {
    CertFiles other = Pki.createCa(tmp.resolve("other-ca"), "Another CA", Duration.ofDays(1))
        .issueClient("other", tmp.resolve("other"), Duration.ofDays(1));

    CliRun run = CliRun.run(env("ETCDCTL_KEY", other.key().toString()), "health");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("does not match").contains(other.key().toString());
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void malformedEndpointIsAUsageErrorNamingTheFlag() {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--endpoints", "htp://x:1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--endpoints").contains("htp://x:1");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void unknownConfigKeyIsNamed() throws IOException {
    Path config = Files.writeString(tmp.resolve("warden.yaml"), "etcd:\n  endpiont: x\n");

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("etcd.endpiont");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void missingConfigFileIsNamed() {
    Path config = tmp.resolve("absent.yaml");

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(config.toString()).contains("not found");
  }

  @Test
  void configFileAloneIsEnoughToFindTheCluster() throws IOException {
    Map<String, String> e = etcd.etcdctlEnvironment();
    Path config = Files.writeString(tmp.resolve("warden.yaml"), "etcd:\n"
        + "  endpoints: " + e.get("ETCDCTL_ENDPOINTS") + "\n"
        + "  cacert: " + e.get("ETCDCTL_CACERT") + "\n"
        + "  cert: " + e.get("ETCDCTL_CERT") + "\n"
        + "  key: " + e.get("ETCDCTL_KEY") + "\n");

    CliRun run = CliRun.run(Map.of(), "health", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Healthy with 1 known peers");
  }
}
