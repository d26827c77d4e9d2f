package io.etcdwarden.installer.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.testsupport.PemTestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-issuing keeps name and SANs, adds hosts, writes a new key 0600 and never outlives the CA. */
class MemberReissueTest {
  private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  private Pki pki;
  private CertFiles member;

  @BeforeEach
  void issue() {
    pki = Pki.createCa(dir.resolve("ca"), "test CA", Duration.ofDays(365), CLOCK);
    member = pki.issueMember("etcd0", List.of("10.0.0.5", "etcd0.example"), dir.resolve("tls"),
        Duration.ofDays(20));
  }

  @Test
  void sameNameAndNamesPlusTheAddedHostNewSerialAndKeyKeyStaysOwnerOnly() throws Exception {
    X509Certificate old = PemTestFiles.certificate(member.cert());
    byte[] oldKey = Files.readAllBytes(member.key());

    CertFiles renewed = new MemberReissue(pki, CLOCK).member(member, List.of("10.0.0.9"),
        Duration.ofDays(100));

    X509Certificate fresh = PemTestFiles.certificate(renewed.cert());
    assertThat(renewed).isEqualTo(member);
    assertThat(fresh.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
    assertThat(fresh.getSubjectX500Principal()).isEqualTo(old.getSubjectX500Principal());
    assertThat(fresh.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
        .containsExactly("10.0.0.5", "etcd0.example", "127.0.0.1", "localhost", "10.0.0.9");
    assertThat(fresh.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(100)));
    assertThat(Files.readAllBytes(renewed.key())).isNotEqualTo(oldKey);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(renewed.key())))
        .isEqualTo("rw-------");
    fresh.verify(pki.caCertificate().getPublicKey());
  }

  @Test
  void aValidityPastTheCaIsCutToTheCasExpiry() throws Exception {
    new MemberReissue(pki, CLOCK).member(member, List.of(), Duration.ofDays(1825));

    assertThat(PemTestFiles.certificate(member.cert()).getNotAfter())
        .isEqualTo(pki.caCertificate().getNotAfter());
  }

  @Test
  void aCertificateOfAnotherCaIsRefusedAndLeftAlone() throws Exception {
    Pki other = Pki.createCa(dir.resolve("other"), "other CA", Duration.ofDays(365), CLOCK);
    byte[] before = Files.readAllBytes(member.cert());

    assertThatThrownBy(() -> new MemberReissue(other, CLOCK).member(member, List.of(),
        Duration.ofDays(10)))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("was issued by CN=test CA, not by the CA in");
    assertThat(Files.readAllBytes(member.cert())).isEqualTo(before);
  }

  @Test
  void theClientCertificateKeepsItsName() throws Exception {
    CertFiles client = pki.issueClient("client", dir.resolve("clients"), Duration.ofDays(5));

    new MemberReissue(pki, CLOCK).client(client, Duration.ofDays(50));

    X509Certificate fresh = PemTestFiles.certificate(client.cert());
    assertThat(fresh.getSubjectX500Principal().getName()).isEqualTo("CN=client");
    assertThat(fresh.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(50)));
  }
}
