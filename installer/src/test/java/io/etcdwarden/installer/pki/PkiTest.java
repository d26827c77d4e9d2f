package io.etcdwarden.installer.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.testsupport.PemTestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiTest {
  private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int DNS = 2;
  private static final int IP = 7;

  @TempDir Path dir;
  private Path caDir;
  private Path out;
  private Pki pki;

  @BeforeEach
  void createCa() {
    caDir = dir.resolve("ca");
    out = dir.resolve("out");
    pki = Pki.createCa(caDir, "test CA", Duration.ofDays(365), CLOCK);
  }

  @Test
  void caIsSelfSignedWithCaExtensionsAndBackdatedValidity() throws Exception {
    X509Certificate ca = PemTestFiles.certificate(caDir.resolve("ca.crt"));

    assertThat(ca).isEqualTo(pki.caCertificate());
    assertThat(pki.caCertFile()).isEqualTo(caDir.resolve("ca.crt"));
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=test CA");
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    boolean[] usage = ca.getKeyUsage();
    assertThat(usage[5]).as("keyCertSign").isTrue();
    assertThat(usage[6]).as("cRLSign").isTrue();
    assertThat(usage[0]).as("digitalSignature").isFalse();
    assertThat(ca.getExtensionValue("2.5.29.14")).as("subjectKeyIdentifier").isNotNull();
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    assertThat(ca.getSerialNumber().signum()).isPositive();
    ca.verify(ca.getPublicKey());
  }

  @Test
  void keysArePkcs8AndOwnerOnlyWhileCertificatesAreWorldReadable() throws Exception {
    CertFiles member = pki.issueMember("m1", List.of("10.0.0.1"), out, Duration.ofDays(30));

    for (Path key : List.of(caDir.resolve("ca.key"), member.key())) {
      assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
    for (Path cert : List.of(caDir.resolve("ca.crt"), member.cert(), member.ca())) {
      assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)))
          .isEqualTo("rw-r--r--");
    }
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temporary files left behind")
          .containsExactlyInAnyOrder("m1.crt", "m1.key", "ca.crt");
    }
  }

  @Test
  void memberCertificateCarriesEveryHostPlusLoopbackOnce() throws Exception {
    CertFiles member =
        pki.issueMember(
            "etcd-1",
            List.of(
                "10.0.0.5", "Etcd-1.Example.com", "fd00::5", "[fd00::6]", "127.0.0.1", "localhost"),
            out,
            Duration.ofDays(30));

    X509Certificate cert = PemTestFiles.certificate(member.cert());
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactly(
            List.of(IP, "10.0.0.5"),
            List.of(DNS, "etcd-1.example.com"),
            List.of(IP, "fd00:0:0:0:0:0:0:5"),
            List.of(IP, "fd00:0:0:0:0:0:0:6"),
            List.of(IP, "127.0.0.1"),
            List.of(DNS, "localhost"));
  }

  @Test
  void memberCertificateServesAndDialsAndChainsToTheCa() throws Exception {
    CertFiles member = pki.issueMember("m1", List.of("etcd-1"), out, Duration.ofDays(30));
    X509Certificate cert = PemTestFiles.certificate(member.cert());

    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=m1");
    assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
    boolean[] usage = cert.getKeyUsage();
    assertThat(usage[0]).as("digitalSignature").isTrue();
    assertThat(usage[2]).as("keyEncipherment").isTrue();
    assertThat(usage[5]).as("keyCertSign").isFalse();
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getExtensionValue("2.5.29.35")).as("authorityKeyIdentifier").isNotNull();
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(PemTestFiles.certificate(member.ca())).isEqualTo(pki.caCertificate());
    cert.verify(pki.caCertificate().getPublicKey());
    validatePath(cert);
  }

  @Test
  void clientCertificateIsForClientAuthOnly() throws Exception {
    CertFiles client = pki.issueClient("nagios", out, Duration.ofDays(30));
    X509Certificate cert = PemTestFiles.certificate(client.cert());

    assertThat(client.cert()).isEqualTo(out.resolve("nagios.crt"));
    assertThat(client.key()).isEqualTo(out.resolve("nagios.key"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(cert.getSubjectAlternativeNames()).isNull();
    validatePath(cert);
  }

  @Test
  void issuedKeyIsTheCertificatesPrivateHalf() throws Exception {
    CertFiles member = pki.issueMember("m1", List.of(), out, Duration.ofDays(30));
    PrivateKey key = PemTestFiles.privateKey(member.key());
    byte[] message = "quorum".getBytes(StandardCharsets.US_ASCII);

    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(message);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(PemTestFiles.certificate(member.cert()).getPublicKey());
    verifier.update(message);
    assertThat(verifier.verify(signer.sign())).isTrue();
  }

  @Test
  void serialNumbersAreRandomAndPositive() throws Exception {
    Duration day = Duration.ofDays(1);
    X509Certificate first = PemTestFiles.certificate(pki.issueClient("a", out, day).cert());
    X509Certificate second = PemTestFiles.certificate(pki.issueClient("b", out, day).cert());

    assertThat(first.getSerialNumber()).isPositive().isNotEqualTo(second.getSerialNumber());
    assertThat(first.getSerialNumber().bitLength()).isBetween(100, 128);
  }

  @Test
  void loadedCaIsTheSameCaAndIssuesChainingCertificates() throws Exception {
    Pki loaded = Pki.loadCa(caDir, CLOCK);
    CertFiles member = loaded.issueMember("m2", List.of(), out, Duration.ofDays(1));

    assertThat(loaded.caCertificate()).isEqualTo(pki.caCertificate());
    validatePath(PemTestFiles.certificate(member.cert()));
    assertThat(Pki.loadOrCreateCa(caDir, "other", Duration.ofDays(1), CLOCK).caCertificate())
        .isEqualTo(pki.caCertificate());
    Pki fresh = Pki.loadOrCreateCa(dir.resolve("fresh"), "fresh CA", Duration.ofDays(1));
    assertThat(fresh.caCertFile()).exists();
  }

  @Test
  void createCaRefusesToOverwriteAnExistingKey() {
    assertThatThrownBy(() -> Pki.createCa(caDir, "again", Duration.ofDays(1)))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(caDir.resolve("ca.key").toString())
        .hasMessageContaining("already exists")
        .extracting(e -> ((WardenException) e).kind())
        .isEqualTo(WardenException.Kind.BAD_INPUT);
  }

  @Test
  void garbledCaKeyIsReportedByFileName() throws Exception {
    Path key = caDir.resolve("ca.key");
    Files.writeString(key, "this is not a key\n");
    assertLoadFailsNaming(key, "no PEM");

    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA!!!\n-----END PRIVATE KEY-----\n");
    assertLoadFailsNaming(key, key.toString());

    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertLoadFailsNaming(key, "PKCS#8");
  }

  @Test
  void missingOrForeignCaFilesAreReportedByFileName() throws Exception {
    Pki other = Pki.createCa(dir.resolve("other"), "other CA", Duration.ofDays(1));
    Files.copy(dir.resolve("other/ca.key"), caDir.resolve("ca.key"), REPLACE_EXISTING);
    assertLoadFailsNaming(caDir.resolve("ca.key"), "does not belong to");

    Files.delete(caDir.resolve("ca.crt"));
    assertLoadFailsNaming(caDir.resolve("ca.crt"), "does not exist");
    assertThat(other.caCertificate()).isNotEqualTo(pki.caCertificate());
  }

  @Test
  void invalidNamesAreRefusedAsMemberNames() {
    for (String name : new String[] {"", "m 1", "m1/../x", "m1=x", "ca", ".."}) {
      assertThatThrownBy(() -> pki.issueMember(name, List.of(), out, Duration.ofDays(1)))
          .isInstanceOf(WardenException.class)
          .hasMessageContaining("member name");
    }
    assertThatThrownBy(() -> pki.issueMember("m1", List.of("not a host"), out, Duration.ofDays(1)))
        .hasMessageContaining("'not a host'");
    assertThatThrownBy(() -> pki.issueClient("a,b", out, Duration.ofDays(1)))
        .hasMessageContaining("client name");
  }

  @Test
  void certificateAskedForTheCasOwnValidityAMomentLaterEndsWithTheCa() throws Exception {
    Clock later = Clock.fixed(NOW.plusMillis(1500), ZoneOffset.UTC);
    Pki sameCa = Pki.loadCa(caDir, later);

    CertFiles member = sameCa.issueMember("m1", List.of(), out, Duration.ofDays(365));

    assertThat(PemTestFiles.certificate(member.cert()).getNotAfter())
        .isEqualTo(pki.caCertificate().getNotAfter());
  }

  @Test
  void certificatesMayNotOutliveTheCaNorLandBesideAnotherCa() throws Exception {
    assertThatThrownBy(() -> pki.issueMember("m1", List.of(), out, Duration.ofDays(400)))
        .hasMessageContaining("after the CA in " + caDir);

    Pki.createCa(out, "someone else's CA", Duration.ofDays(1));
    assertThatThrownBy(() -> pki.issueMember("m1", List.of(), out, Duration.ofDays(1)))
        .hasMessageContaining(out.resolve("ca.crt") + " holds a different CA certificate");
  }

  private void assertLoadFailsNaming(Path file, String detail) {
    assertThatThrownBy(() -> Pki.loadCa(caDir))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(detail)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private void validatePath(X509Certificate leaf) throws Exception {
    PKIXParameters parameters =
        new PKIXParameters(Set.of(new TrustAnchor(pki.caCertificate(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOW));
    CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
    CertPathValidator.getInstance("PKIX").validate(path, parameters);
  }
}
