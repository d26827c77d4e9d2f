package io.etcdwarden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.auth.Permission;
import io.etcdwarden.core.auth.EtcdCredentials;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.testkit.EtcdAuthFixture;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege for monitoring on a cluster with {@code auth enable}: {@code credentials
 * package --role monitor} issues a certificate with CN etcd-warden-monitor and creates (then
 * finds in place, or refuses when widened) the etcd user and role of that name; with that certificate alone both Nagios
 * plugins pass, while etcd refuses it any write; {@code nrpe install} hands NRPE that
 * certificate, not the admin key.
 */
class MonitorRoleIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void theMonitorCertificatePassesBothChecksAndMayNotWrite() throws Exception {
    EtcdAuthFixture.enable(etcd);
    Map<String, String> asRoot = new HashMap<>(etcd.etcdctlEnvironment());
    asRoot.put("ETCDCTL_USER", EtcdAuthFixture.ROOT);
    asRoot.put("ETCDCTL_PASSWORD", EtcdAuthFixture.ROOT_PASSWORD);
    Path archive = tmp.resolve("monitor.tar.gz");
    String[] packageMonitor = {"credentials", "package", "--ca",
        etcd.cluster().dir().resolve("pki").toString(), "--role", "monitor", "--output",
        archive.toString(), "--endpoints", etcd.clientUrls().get(0).toString()};

    CliRun first = CliRun.run(asRoot, packageMonitor);
    CliRun again = CliRun.run(asRoot, packageMonitor);

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("CN etcd-warden-monitor",
        "created etcd role etcd-warden-monitor", "created etcd user etcd-warden-monitor");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("in place: read on /etcd-warden/ only");

    Path monitorDir = Files.createDirectory(tmp.resolve("monitor"));
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C",
        monitorDir.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    Path store = Files.createDirectory(tmp.resolve("store"));
    CliRun snapshot = CliRun.run(asRoot, "snapshot", "--target", "file://" + store,
        "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();

    Map<String, String> asMonitor = new HashMap<>(etcd.etcdctlEnvironment());
    asMonitor.put("ETCDCTL_CACERT", monitorDir.resolve("ca.crt").toString());
    asMonitor.put("ETCDCTL_CERT", monitorDir.resolve("client.crt").toString());
    asMonitor.put("ETCDCTL_KEY", monitorDir.resolve("client.key").toString());
    CliRun cluster = CliRun.run(asMonitor, "check", "cluster");
    CliRun backup = CliRun.run(asMonitor, "check", "backup", "--target", "file://" + store,
        "--allow-non-mount", "--verify");

    assertThat(cluster.exitCode()).as(cluster.toString()).isZero();
    assertThat(backup.exitCode()).as(backup.toString()).isZero();
    assertThat(backup.out()).startsWith("ETCD_BACKUP OK");
    EtcdTarget monitor = new EtcdTarget(etcd.clientUrls(),
        Optional.of(monitorDir.resolve("ca.crt")), Optional.of(monitorDir.resolve("client.crt")),
        Optional.of(monitorDir.resolve("client.key")), Duration.ofSeconds(10), Map.of());
    try (EtcdClients clients = new EtcdClients(monitor)) {
      for (String key : List.of("/outside", "/etcd-warden/snapshot/last-run")) {
        Throwable refused = catchThrowable(() -> clients.cluster().getKVClient()
            .put(bytes(key), bytes("x")).get(10, TimeUnit.SECONDS));
        assertThat(EtcdClients.explain(refused.getCause(), null, monitor).getMessage())
            .as(key).contains("permission denied");
      }
      Throwable outsideRead = catchThrowable(() -> clients.cluster().getKVClient()
          .get(bytes("/outside")).get(10, TimeUnit.SECONDS));
      assertThat(outsideRead).as("reading outside /etcd-warden/").isNotNull();
    }

    try (EtcdClients root = new EtcdClients(etcd.target().withCredentials(Optional.of(
        new EtcdCredentials(EtcdAuthFixture.ROOT, EtcdAuthFixture.ROOT_PASSWORD, "test",
            "test"))).withTimeout(Duration.ofSeconds(10)))) {
      root.cluster().getAuthClient().roleGrantPermission(bytes("etcd-warden-monitor"),
          bytes("/app/"), bytes("/app0"), Permission.Type.READWRITE).get(10, TimeUnit.SECONDS);
    }
    CliRun widened = CliRun.run(asRoot, packageMonitor);

    assertThat(widened.exitCode()).as(widened.toString()).isEqualTo(1);
    assertThat(widened.err()).contains("etcd role etcd-warden-monitor may do more than read"
        + " /etcd-warden/: READWRITE [/app/, /app0)");
  }

  @Test
  void nrpeInstallHandsNrpeTheMonitorCertificateByDefault() throws Exception {
    Path monitorDir = Files.createDirectory(tmp.resolve("monitor"));
    CliRun pack = CliRun.run(etcd.etcdctlEnvironment(), "credentials", "package", "--ca",
        etcd.cluster().dir().resolve("pki").toString(), "--role", "monitor", "--no-etcd-user",
        "--output", tmp.resolve("m.tar.gz").toString());
    assertThat(pack.exitCode()).as(pack.toString()).isZero();
    Process tar = new ProcessBuilder("tar", "-xzf", tmp.resolve("m.tar.gz").toString(), "-C",
        monitorDir.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();

    CliRun install = CliRun.run(etcd.etcdctlEnvironment(), "nrpe", "install",
        "--monitor-dir", monitorDir.toString(), "--plugin", "/usr/bin/true",
        "--nrpe-dir", tmp.resolve("nrpe.d").toString(),
        "--export-dir", tmp.resolve("export").toString(),
        "--credentials-dir", tmp.resolve("credentials").toString(),
        "--nagios-context", "it", "--unit-name", "etcd/0");

    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(install.err()).doesNotContain("admin client key");
    assertThat(Files.readString(tmp.resolve("credentials/client.crt")))
        .isEqualTo(Files.readString(monitorDir.resolve("client.crt")))
        .isNotEqualTo(Files.readString(etcd.cluster().clientCert()));
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, UTF_8);
  }
}
