package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.nrpe.NagiosCredentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certs renew --client} re-issues the packaged client certificate and refreshes the NRPE
 * user's copies of it (keeping their modes), but not copies of another identity; {@code certs
 * status --ca} lists the CA, the client certificate and the copies.
 */
class CertsClientRenewTest {
  private static final Map<String, String> ENV = Map.of();
  @TempDir Path tmp;
  private Path ca;
  private CertFiles client;

  @BeforeEach
  void packaged() {
    ca = tmp.resolve("ca");
    Pki.createCa(ca, "etcd-warden CA", Duration.ofDays(3650));
    new CredentialsPackager().write(ca, List.of(URI.create("https://127.0.0.1:1")),
        tmp.resolve("creds.tar.gz"));
    client = CredentialsPackager.clientFiles(ca);
  }

  @Test
  void renewsTheClientCertificateAndTheNrpeUsersCopiesOfIt() throws Exception {
    Path nagios = tmp.resolve("nagios");
    new NagiosCredentials(nagios, System.getProperty("user.name"))
        .install(Optional.of(client.ca()), Optional.of(client.cert()), Optional.of(client.key()));
    String before = serial(client.cert());

    CliRun run = CliRun.run(ENV, "certs", "renew", "--client", "--ca", ca.toString(),
        "--nrpe-credentials-dir", nagios.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(serial(client.cert())).isNotEqualTo(before);
    assertThat(Files.readAllBytes(nagios.resolve("client.crt")))
        .isEqualTo(Files.readAllBytes(client.cert()));
    assertThat(Files.readAllBytes(nagios.resolve("client.key")))
        .isEqualTo(Files.readAllBytes(client.key()));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        nagios.resolve("client.key")))).isEqualTo("r--------");
    assertThat(run.out()).contains("refreshed the NRPE user's copy " + nagios.resolve("client.key"));

    CliRun status = CliRun.run(ENV, "certs", "status", "--ca", ca.toString(), "--json",
        "--nrpe-credentials-dir", nagios.toString());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(status.out());
    assertThat(report.get("certificates").findValuesAsText("role")).containsExactly("CA",
        "client (credentials package)", "NRPE user's CA copy", "NRPE user's client copy");
    assertThat(report.get("certificates").get(1).get("serial").asText())
        .isEqualTo(serial(client.cert()));
    assertThat(report.get("overall").asText()).isEqualTo("OK");
  }

  @Test
  void copiesOfAnotherIdentityAreLeftAlone() throws Exception {
    Path nagios = tmp.resolve("nagios");
    Pki other = Pki.createCa(tmp.resolve("other"), "other CA", Duration.ofDays(30));
    CertFiles monitor = other.issueClient("monitor", tmp.resolve("monitor"), Duration.ofDays(9));
    new NagiosCredentials(nagios, System.getProperty("user.name")).install(
        Optional.of(monitor.ca()), Optional.of(monitor.cert()), Optional.of(monitor.key()));

    CliRun run = CliRun.run(ENV, "certs", "renew", "--client", "--ca", ca.toString(),
        "--nrpe-credentials-dir", nagios.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).doesNotContain("refreshed");
    assertThat(Files.readAllBytes(nagios.resolve("client.crt")))
        .isEqualTo(Files.readAllBytes(monitor.cert()));
  }

  @Test
  void withoutTheCaKeyNothingIsRenewedAndOneLineSaysWhy() throws Exception {
    Files.delete(ca.resolve(Pki.CA_KEY_FILE));
    byte[] before = Files.readAllBytes(client.cert());

    CliRun run = CliRun.run(ENV, "certs", "renew", "--client", "--ca", ca.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains(ca.resolve("ca.key").toString());
    assertThat(Files.readAllBytes(client.cert())).isEqualTo(before);
  }

  private static String serial(Path cert) throws Exception {
    try (var in = Files.newInputStream(cert)) {
      return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
          .getSerialNumber().toString(16);
    }
  }
}
