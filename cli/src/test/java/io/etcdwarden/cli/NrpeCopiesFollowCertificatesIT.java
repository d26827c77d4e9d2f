package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NRPE user's copies of the monitor certificate ({@code nrpe install} from a {@code
 * credentials package --role monitor}) follow every certificate step, so Nagios never loses the
 * cluster: {@code certs renew --client --role monitor} re-issues it and refreshes the copies, and
 * through a whole CA rotation on a 3-member cluster, each phase on every host, the copies first
 * trust the bundle, then carry a certificate of the new CA, then trust the new CA alone, with
 * check_etcd_cluster passing on them after every phase.
 */
class NrpeCopiesFollowCertificatesIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  @TempDir Path tmp;
  private InstallFixture fixture;
  private Path nagios;

  @Test
  void theMonitorCopiesFollowRenewalAndACaRotation() throws Exception {
    fixture = installs.cluster(tmp, 3);
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin());
    nagios = tmp.resolve("nagios");
    installNrpeWithTheMonitorCertificate();
    assertNagiosPasses();
    Path monitorCert = fixture.ca.resolve("clients/etcd-warden-monitor.crt");
    String first = Files.readString(nagios.resolve("client.crt"));

    CliRun renew = CliRun.run(ENV, "certs", "renew", "--client", "--role", "monitor",
        "--data-dir", fixture.dataDir(0).toString(), "--nrpe-credentials-dir", nagios.toString());

    assertThat(renew.exitCode()).as(renew.toString()).isZero();
    assertThat(renew.out()).contains("renewed monitor client certificate " + monitorCert,
        "refreshed the NRPE user's copy " + nagios.resolve("client.crt"));
    assertThat(Files.readString(nagios.resolve("client.crt")))
        .isEqualTo(Files.readString(monitorCert)).isNotEqualTo(first);
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(nagios.resolve("client.key")))).isEqualTo("r--------");
    assertNagiosPasses();

    rotate("prepare", 0);
    for (int i = 0; i < 3; i++) {
      rotate("trust-both", i);
    }
    Path bundle = fixture.ca.resolve("rotation/bundle.crt");
    assertThat(Files.readString(nagios.resolve("ca.crt"))).isEqualTo(Files.readString(bundle));
    assertNagiosPasses();
    for (int i = 0; i < 3; i++) {
      rotate("reissue", i);
    }
    assertThat(certificate(nagios.resolve("client.crt")).getIssuerX500Principal()).isEqualTo(
        certificate(fixture.ca.resolve("rotation/new/ca.crt")).getSubjectX500Principal());
    assertNagiosPasses();
    for (int i = 0; i < 3; i++) {
      rotate("trust-new", i);
    }
    assertThat(Files.readString(nagios.resolve("ca.crt")))
        .isEqualTo(Files.readString(fixture.ca.resolve("ca.crt")))
        .isNotEqualTo(Files.readString(bundle));
    assertNagiosPasses();
  }

  @Test
  void aRoleWithoutClientOrOfNoKnownNameIsRefusedInOneLine() {
    CliRun noClient = CliRun.run(ENV, "certs", "renew", "--role", "monitor", "--data-dir",
        tmp.toString());
    CliRun unknown = CliRun.run(ENV, "certs", "renew", "--client", "--role", "auditor", "--ca",
        tmp.toString());

    assertThat(noClient.exitCode()).as(noClient.toString()).isEqualTo(2);
    assertThat(noClient.err().strip()).doesNotContain("\n").contains("--role go");
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
    assertThat(unknown.err().strip()).doesNotContain("\n")
        .contains("--role must be admin or monitor, got 'auditor'");
  }

  private void installNrpeWithTheMonitorCertificate() throws Exception {
    Path monitor = Files.createDirectories(tmp.resolve("monitor"));
    CliRun pack = CliRun.run(ENV, "credentials", "package", "--data-dir",
        fixture.dataDir(0).toString(), "--role", "monitor", "--no-etcd-user", "--output",
        monitor.resolve("m.tar.gz").toString(), "--endpoints", fixture.endpoints());
    assertThat(pack.exitCode()).as(pack.toString()).isZero();
    Shell.run(monitor, "tar", "xzf", "m.tar.gz");
    CliRun install = CliRun.run(Map.of("PATH", System.getenv("PATH"),
            "ETCDCTL_ENDPOINTS", fixture.endpoints(),
            "ETCDCTL_CACERT", monitor.resolve("ca.crt").toString()),
        "nrpe", "install", "--monitor-dir", monitor.toString(), "--plugin", "/usr/bin/true",
        "--nrpe-dir", tmp.resolve("nrpe.d").toString(),
        "--export-dir", tmp.resolve("export").toString(),
        "--credentials-dir", nagios.toString(), "--nagios-context", "it", "--unit-name", "etcd/0");
    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(Files.readString(nagios.resolve("client.crt")))
        .isEqualTo(Files.readString(monitor.resolve("client.crt")));
  }

  private void assertNagiosPasses() {
    CliRun check = CliRun.run(Map.of("PATH", System.getenv("PATH"),
            "ETCDCTL_ENDPOINTS", fixture.endpoints(),
            "ETCDCTL_CACERT", nagios.resolve("ca.crt").toString(),
            "ETCDCTL_CERT", nagios.resolve("client.crt").toString(),
            "ETCDCTL_KEY", nagios.resolve("client.key").toString()),
        "check", "cluster", "--no-daemon");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(check.out()).startsWith("ETCD_CLUSTER OK");
  }

  private static X509Certificate certificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private void rotate(String phase, int member) {
    CliRun run = CliRun.run(ENV, "certs", "rotate-ca", phase, "--data-dir",
        fixture.dataDir(member).toString(), "--nrpe-credentials-dir", nagios.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }
}
