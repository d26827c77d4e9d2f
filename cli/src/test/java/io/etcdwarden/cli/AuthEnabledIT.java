package io.etcdwarden.cli;

import static io.etcdwarden.testkit.EtcdAuthFixture.ROOT;
import static io.etcdwarden.testkit.EtcdAuthFixture.ROOT_PASSWORD;
import static io.etcdwarden.testkit.EtcdAuthFixture.WARDEN;
import static io.etcdwarden.testkit.EtcdAuthFixture.WARDEN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.testkit.EtcdAuthFixture;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS cluster with {@code auth enable}: every command reaches it as an etcd user (from the
 * etcdctl environment, a password file or warden.yaml) or by a certificate whose CN is a user,
 * and a refusal is one line that names the user, never the password.
 */
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

  @Test
  void healthAndTheClusterCheckPassAsTheLeastPrivilegedUser() {
    CliRun health = CliRun.run(env(WARDEN, WARDEN_PASSWORD), "health");
    CliRun check = CliRun.run(env(WARDEN, WARDEN_PASSWORD), "check", "cluster");

    assertThat(health.exitCode()).as(health.toString()).isZero();
    assertThat(health.out()).contains("Healthy with 1 known peers");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(check.out()).startsWith("ETCD_CLUSTER OK");
  }

  @Test
  void withoutAUserTheClientCertificatesCommonNameIsNoUserAndIsRefused() throws Exception {
    Path store = Files.createDirectory(tmp.resolve("store"));

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + store, "--allow-non-mount");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("did not accept the client certificate")
        .contains("user name not found");
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
    assertThat(asWarden.err()).contains("permission denied for user 'warden'");
    assertThat(asRoot.exitCode()).as(asRoot.toString()).isZero();
    try (var files = Files.list(store)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".tar.gz.sha256"));
    }
  }

  @Test
  void aCertificateWhoseCommonNameIsAUserNeedsNoPassword() {
    CertFiles cert = auth.issueClient(WARDEN, tmp.resolve("warden-cert"));
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_CERT", cert.cert().toString());
    env.put("ETCDCTL_KEY", cert.key().toString());

    CliRun check = CliRun.run(env, "check", "cluster");

    assertThat(check.exitCode()).as(check.toString()).isZero();
  }

  @Test
  void warden_yamlNamesTheUserAndItsPasswordFile() throws Exception {
    Path config = tmp.resolve("warden.yaml");
    Files.writeString(config, "etcd:\n  user: " + WARDEN + "\n  password_file: "
        + passwordFile(WARDEN_PASSWORD) + "\n");

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
