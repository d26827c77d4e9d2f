package io.etcdwarden.cli;

import static io.etcdwarden.testkit.EtcdAuthFixture.ROOT;
import static io.etcdwarden.testkit.EtcdAuthFixture.ROOT_PASSWORD;
import static io.etcdwarden.testkit.EtcdAuthFixture.WARDEN;
import static io.etcdwarden.testkit.EtcdAuthFixture.WARDEN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.testkit.EtcdAuthFixture;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS cluster with {@code auth enable}: every command reaches it as an etcd user (from the
 * etcdctl environment, a password file or warden.yaml) or by a certificate whose CN is a user,
 * and a refusal is one line that names the user, never the password.
 */
@Tag("etcd-versions")
class AuthEnabledIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  static EtcdAuthFixture auth;
  @TempDir Path tmp;

  @BeforeAll
  static void enableAuth() {
    auth = EtcdAuthFixture.enable(etcd);
  }

  private static Map<String, String> env(String user, String password) {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_USER", user);
    env.put("ETCDCTL_PASSWORD", password);
    return env;
  }

  private Path passwordFile(String password) throws Exception {
    Path file = tmp.resolve("password");
    Files.writeString(file, password + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /**
   * Whether etcd answers Status to the least-privileged user: etcd 3.5.30 answers it to the root
   * role only (measured), 3.4, 3.6 and 3.7 to any user. Asked of etcd, not of its version.
   */
  private static boolean statusAllowed() throws Exception {
    try (EtcdClients clients = new EtcdClients(auth.as(WARDEN, WARDEN_PASSWORD)
        .withTimeout(Duration.ofSeconds(10)))) {
      clients.cluster().getMaintenanceClient().statusMember(etcd.clientUrls().get(0).toString())
          .get(10, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      assertThat(e.getCause()).hasMessageContaining("permission denied");
      return false;
    }
  }

  @Test
  void healthAndTheClusterCheckWorkAsTheLeastPrivilegedUserWhereEtcdAnswersItsStatus()
      throws Exception {
    CliRun health = CliRun.run(env(WARDEN, WARDEN_PASSWORD), "health");
    CliRun check = CliRun.run(env(WARDEN, WARDEN_PASSWORD), "check", "cluster");

    if (statusAllowed()) {
      assertThat(health.exitCode()).as(health.toString()).isZero();
      assertThat(health.out()).contains("Healthy with 1 known peers");
      // 1 (WARNING) only for an etcd past its end of support; the member itself is fine
      assertThat(check.exitCode()).as(check.toString()).isIn(0, 1);
      assertThat(check.out()).contains("'members_healthy'=1");
    } else {
      assertThat(health.exitCode()).as(health.toString()).isEqualTo(1);
      assertThat(health.out()).contains("permission denied for user 'warden' (from ETCDCTL_USER)");
      assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
      assertThat(check.out()).contains("permission denied for user 'warden'");
    }
  }

  @Test
  void withoutAUserTheClientCertificatesCommonNameIsNoUserAndIsRefused() throws Exception {
    Path store = Files.createDirectory(tmp.resolve("store"));

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + store, "--allow-non-mount");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("did not accept the client certificate")
        .containsPattern("user (name )?not found");
  }

  @Test
  void aWrongPasswordIsOneLineNamingTheUserAndNotThePassword() {
    CliRun run = CliRun.run(env(WARDEN, "not-the-password"), "maintenance", "status");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("user 'warden' (from ETCDCTL_USER)")
        .contains("authentication failed").doesNotContain("not-the-password");
  }

  @Test
  void aPasswordOnTheCommandLineIsRefusedBecauseProcessListsShowIt() {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--user",
        WARDEN + ":" + WARDEN_PASSWORD);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--user NAME:PASSWORD is refused")
        .doesNotContain(WARDEN_PASSWORD);
  }

  @Test
  void snapshotNeedsTheRootRoleAndWorksAsRootFromAPasswordFile() throws Exception {
    Path store = Files.createDirectory(tmp.resolve("store"));
    String[] snapshot = {"snapshot", "--target", "file://" + store, "--allow-non-mount"};

    CliRun asWarden = CliRun.run(env(WARDEN, WARDEN_PASSWORD), snapshot);
    Map<String, String> tlsOnly = etcd.etcdctlEnvironment();
    String[] asRootArgs = concat(snapshot, "--user", ROOT, "--password-file",
        passwordFile(ROOT_PASSWORD).toString());
    CliRun asRoot = CliRun.run(tlsOnly, asRootArgs);

    assertThat(asWarden.exitCode()).as(asWarden.toString()).isEqualTo(1);
    assertThat(asWarden.err()).contains("permission denied for user 'warden' (from ETCDCTL_USER)");
    assertThat(asRoot.exitCode()).as(asRoot.toString()).isZero();
    try (var files = Files.list(store)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".tar.gz.sha256"));
    }
  }

  @Test
  void aCertificateWhoseCommonNameIsAUserNeedsNoPassword() {
    CertFiles cert = auth.issueClient(ROOT, tmp.resolve("root-cert"));
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_CERT", cert.cert().toString());
    env.put("ETCDCTL_KEY", cert.key().toString());

    CliRun health = CliRun.run(env, "health");

    assertThat(health.exitCode()).as(health.toString()).isZero();
    assertThat(health.out()).contains("Healthy with 1 known peers");
  }

  @Test
  void warden_yamlNamesTheUserAndItsPasswordFile() throws Exception {
    Path config = tmp.resolve("warden.yaml");
    Files.writeString(config, "etcd:\n  user: " + ROOT + "\n  password_file: "
        + passwordFile(ROOT_PASSWORD) + "\n");

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
