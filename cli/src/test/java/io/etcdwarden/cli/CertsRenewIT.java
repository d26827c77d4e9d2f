package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.ServedCertificate;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.MemberReissue;
import io.etcdwarden.installer.pki.Pki;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renewal story on a 3-member mutual-TLS cluster: member certificates close to expiry make
 * {@code check cluster} warn and point at {@code certs renew}; {@code certs status} shows what
 * each member serves and trusts; renewing every member while a client writes through all
 * endpoints fails no write, each member then serves its new certificate (serial read from a TLS
 * handshake) without a restart, and {@code check cluster} is OK again. A renewal without the CA
 * key is refused in one line and changes nothing.
 */
@Tag("etcd-versions")
class CertsRenewIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private InstallFixture fixture;

  @Test
  void everyMemberRenewedUnderWritesServesItsNewCertificateWithoutRestart() throws Exception {
    fixture = installs.cluster(tmp, 3);
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin());
    Path creds = fixture.unpackedCredentials(ENV);
    fixture.awaitHealthy(creds);
    long[] pids = new long[3];
    for (int i = 0; i < 3; i++) {
      pids[i] = fixture.pid(i).orElseThrow();
      // Age the member: a certificate with 20 days left, which etcd serves from then on.
      new MemberReissue(Pki.loadCa(fixture.ca), Clock.systemUTC())
          .member(memberFiles(i), List.of(), Duration.ofDays(20));
      awaitServed(i, serialOnDisk(i));
    }
    CliRun warned = check(creds);
    assertThat(warned.exitCode()).as(warned.toString()).isEqualTo(1);
    assertThat(warned.out()).contains("certificate expires in 19 days: server certificate of",
        "etcd-warden certs renew");

    CliRun status = CliRun.run(ENV, "certs", "status", "--data-dir",
        fixture.dataDir(0).toString(), "--json", "--nrpe-credentials-dir", tmp.resolve("none")
            .toString());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(status.out());
    assertThat(report.get("overall").asText()).isEqualTo("WARNING");
    assertThat(report.get("problems")).isEmpty();
    for (int i = 0; i < 3; i++) {
      JsonNode served = servedEntry(report, fixture.name(i));
      assertThat(served.get("serial").asText()).isEqualTo(serialOnDisk(i));
      assertThat(served.get("days_left").asLong()).isEqualTo(19);
      assertThat(served.get("trusted_cas").toString()).contains("CN=etcd-warden CA");
      assertThat(served.get("sans").toString()).contains("IP:127.0.0.1");
    }

    List<Long> took = new ArrayList<>();
    try (EtcdClients clients = new EtcdClients(target(creds));
        PacedWriter writer = new PacedWriter(clients.cluster().getKVClient(), 20_000,
            Duration.ofMinutes(3))) {
      for (int i = 0; i < 3; i++) {
        String before = serialOnDisk(i);
        CliRun renew = CliRun.run(ENV, "certs", "renew", "--data-dir",
            fixture.dataDir(i).toString(), "--nrpe-credentials-dir", tmp.resolve("none")
                .toString());
        assertThat(renew.exitCode()).as(renew.toString()).isZero();
        String after = serialOnDisk(i);
        assertThat(after).isNotEqualTo(before);
        assertThat(servedSerial(i)).isEqualTo(after);
        assertThat(fixture.pid(i)).contains(pids[i]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
            memberFiles(i).key()))).isEqualTo("rw-------");
        took.add(renew.out().lines().filter(l -> l.contains("serves the new certificate"))
            .map(l -> Long.parseLong(l.replaceAll(".* certificate (\\d+) ms .*", "$1")))
            .findFirst().orElseThrow());
      }
      writer.close();
      System.out.printf("certs renew: per member until served (ms) %s; %d writes acknowledged,"
          + " %d failed%n", took, writer.acknowledged().size(), writer.failures());
      assertThat(writer.acknowledged()).isNotEmpty();
      assertThat(writer.failures()).isZero();
    }
    assertThat(fixture.awaitHealthy(creds).output()).doesNotContain("unhealthy");
    CliRun ok = check(creds);
    // 3.4 stays WARNING for its end of support; the certificates no longer warn on any line.
    assertThat(ok.exitCode()).as(ok.toString()).isLessThan(2);
    assertThat(ok.out()).contains("'cert_days_left'=182").doesNotContain("certs renew");

    Path caKey = fixture.ca.resolve(Pki.CA_KEY_FILE);
    Files.move(caKey, tmp.resolve("ca.key.elsewhere"));
    byte[] cert = Files.readAllBytes(memberFiles(0).cert());
    CliRun refused = CliRun.run(ENV, "certs", "renew", "--data-dir",
        fixture.dataDir(0).toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip()).doesNotContain("\n").contains(caKey.toString());
    assertThat(Files.readAllBytes(memberFiles(0).cert())).isEqualTo(cert);
  }

  private CliRun check(Path creds) {
    // -t 60: on a loaded host the default 10 s plugin deadline has run out before an answer.
    return CliRun.run(ENV, "check", "cluster", "-t", "60", "--endpoints", fixture.endpoints(),
        "--cacert",
        creds.resolve("ca.crt").toString(), "--cert", creds.resolve("client.crt").toString(),
        "--key", creds.resolve("client.key").toString());
  }

  private static JsonNode servedEntry(JsonNode report, String member) {
    for (JsonNode c : report.get("certificates")) {
      if (c.get("role").asText().equals("served by " + member)) {
        return c;
      }
    }
    throw new AssertionError("no served certificate of " + member + " in " + report);
  }

  private CertFiles memberFiles(int i) {
    Path tls = fixture.dataDir(i).resolve("tls");
    return new CertFiles(tls.resolve(fixture.name(i) + ".crt"),
        tls.resolve(fixture.name(i) + ".key"), tls.resolve("ca.crt"));
  }

  private String serialOnDisk(int i) throws Exception {
    try (var in = Files.newInputStream(memberFiles(i).cert())) {
      return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
          .getSerialNumber().toString(16);
    }
  }

  private String servedSerial(int i) {
    return ServedCertificate.fetch(URI.create(fixture.clientUrl(i)), Duration.ofSeconds(5))
        .map(s -> s.leaf().getSerialNumber().toString(16)).orElse("none");
  }

  private void awaitServed(int i, String serial) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!servedSerial(i).equals(serial)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(fixture.name(i) + " never served serial " + serial);
      }
    }
  }

  private EtcdTarget target(Path creds) {
    List<URI> endpoints = Arrays.stream(fixture.endpoints().split(",")).map(URI::create)
        .toList();
    return new EtcdTarget(endpoints, Optional.of(creds.resolve("ca.crt")),
        Optional.of(creds.resolve("client.crt")), Optional.of(creds.resolve("client.key")),
        Duration.ofSeconds(2), Map.of());
  }
}
