package io.etcdwarden.installer.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's request travels to the CA and back: the key stays (0600) where it was made, the
 * signed certificate passes every check install makes of a brought certificate, and a request
 * for hosts the CA's operator did not expect is refused.
 */
class RequestSigningTest {
  @TempDir Path tmp;

  @Test
  void aSignedRequestIsAMemberCertificateInstallAccepts() throws Exception {
    Pki pki = Pki.createCa(tmp.resolve("ca"), "test CA", Duration.ofDays(30));
    Path member = tmp.resolve("member");
    Path csr = CertificateRequest.write("etcd0", List.of("10.0.0.1"), member);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        member.resolve("etcd0.key")))).isEqualTo("rw-------");

    CertificateRequest request = CertificateRequest.read(csr);
    assertThat(request.commonName()).isEqualTo("etcd0");
    assertThat(request.hosts()).containsExactly("10.0.0.1", "127.0.0.1", "localhost");
    CertFiles signed = new RequestSigning(pki).sign(request, List.of("10.0.0.1"),
        List.of("10.0.0.1"), member, Duration.ofDays(10));

    assertThat(new BroughtCertificate(signed.cert(), member.resolve("etcd0.key"), signed.ca())
        .problems(List.of("10.0.0.1", "127.0.0.1"), Instant.now())).isEmpty();
    assertThat(new BroughtCertificate(signed.cert(), member.resolve("etcd0.key"), signed.ca())
        .problems(List.of("10.0.0.9"), Instant.now())).singleElement().asString()
        .contains("lacks subjectAltName IP:10.0.0.9");
  }

  @Test
  void aRequestForAnUnexpectedHostIsRefused() {
    Pki pki = Pki.createCa(tmp.resolve("ca"), "test CA", Duration.ofDays(30));
    Path csr = CertificateRequest.write("etcd0", List.of("10.0.0.1", "10.0.0.2"), tmp);
    CertificateRequest request = CertificateRequest.read(csr);
    assertThatThrownBy(() -> new RequestSigning(pki).sign(request, List.of("10.0.0.1"),
        List.of("10.0.0.1"), tmp.resolve("out"), Duration.ofDays(10)))
        .isInstanceOf(WardenException.class).hasMessageContaining("asks for 10.0.0.2");
    assertThat(Files.exists(tmp.resolve("out/etcd0.crt"))).isFalse();
  }
}
