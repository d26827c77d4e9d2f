package io.etcdwarden.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TestCertificates.Issued;
import io.etcdwarden.core.tls.TestCertificates.KeyType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the certificate itself says about why a server refused it. */
class ClientCertificateCheckTest {
  @TempDir Path tmp;
  private final Issued ca = TestCertificates.ca("cluster CA");

  private EtcdTarget target(Issued client) {
    Path caFile = TestCertificates.writeCertificates(tmp.resolve("ca.crt"), ca.certificate());
    Path cert = TestCertificates.writeCertificates(tmp.resolve("c.crt"), client.certificate());
    return new EtcdTarget(List.of(URI.create("https://127.0.0.1:2379")), Optional.of(caFile),
        Optional.of(cert), Optional.of(tmp.resolve("c.key")), Duration.ofSeconds(5), Map.of());
  }

  @Test
  void aSoundCertificateHasNoProblemAndTheCauseIsTheServersTrust() {
    EtcdTarget target = target(TestCertificates.client(ca, KeyType.EC));

    assertThat(ClientCertificateCheck.problem(target, Instant.now())).isEmpty();
    assertThat(ClientCertificateCheck.likelyCause(target, Instant.now()))
        .isEqualTo("not signed by a CA it trusts, or revoked");
  }

  @Test
  void expiryAndNotYetValidNameTheDate() {
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Instant notAfter = client.certificate().getNotAfter().toInstant();

    assertThat(ClientCertificateCheck.problem(target(client), notAfter.plusSeconds(60)))
        .contains("it expired on " + notAfter);
    assertThat(ClientCertificateCheck.problem(target(client), Instant.EPOCH).orElseThrow())
        .startsWith("it is not valid until ");
  }

  @Test
  void aCertificateFromAnotherCaNamesItsIssuerAndOurCaFile() {
    Issued stranger = TestCertificates.client(TestCertificates.ca("Other CA"), KeyType.EC);

    assertThat(ClientCertificateCheck.problem(target(stranger), Instant.now()).orElseThrow())
        .startsWith("it is not signed by the CA in " + tmp.resolve("ca.crt"))
        .contains("CN=Other CA");
  }

  @Test
  void anUnreadableCertificateKeepsTheUsualSuspects() {
    EtcdTarget target = new EtcdTarget(List.of(URI.create("https://127.0.0.1:2379")),
        Optional.empty(), Optional.of(tmp.resolve("missing.crt")), Optional.empty(),
        Duration.ofSeconds(5), Map.of());

    assertThat(ClientCertificateCheck.problem(target, Instant.now())).isEmpty();
    assertThat(ClientCertificateCheck.likelyCause(target, Instant.now()))
        .isEqualTo("expired, or not signed by a CA it trusts");
  }
}
