package io.etcdwarden.core.tls;

import static io.etcdwarden.core.tls.TestCertificates.KeyFormat.PKCS8;
import static io.etcdwarden.core.tls.TestCertificates.KeyFormat.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.tls.TestCertificates.Issued;
import io.etcdwarden.core.tls.TestCertificates.KeyFormat;
import io.etcdwarden.core.tls.TestCertificates.KeyType;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsMaterialTest {
  private static Issued ca;
  @TempDir Path dir;

  @BeforeAll
  static void makeCa() {
    ca = TestCertificates.ca("etcd-ca");
  }

  @ParameterizedTest
  @CsvSource({"RSA, PKCS8", "RSA, TRADITIONAL", "EC, PKCS8", "EC, TRADITIONAL", "ED25519, PKCS8"})
  void loadsMatchingPairsInEveryKeyEncoding(KeyType type, KeyFormat format) throws Exception {
    Issued client = TestCertificates.client(ca, type);
    Path cert = TestCertificates.writeCertificates(dir.resolve("client.crt"), client.certificate());
    Path key = TestCertificates.writeKey(dir.resolve("client.key"), client.keys(), format);
    String header = Files.readString(key).lines().findFirst().orElseThrow();
    assertThat(header).isEqualTo(switch (format) {
      case PKCS8 -> "-----BEGIN PRIVATE KEY-----";
      case TRADITIONAL -> type == KeyType.RSA
          ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----";
    });

    TlsMaterial tls = TlsMaterial.load(target(writeCa(), cert, key));

    assertThat(tls.clientCertificate()).contains(client.certificate());
    assertThat(tls.caCertificates()).containsExactly(ca.certificate());
    assertThat(tls.sslContext().isClient()).isTrue();
  }

  @Test
  void withoutCaFileUsesTheJvmTrustStore() {
    TlsMaterial tls = TlsMaterial.load(target(null, null, null));
    assertThat(tls.caCertificates()).isEmpty();
    assertThat(tls.clientCertificate()).isEmpty();
    assertThat(tls.sslContext().isClient()).isTrue();
  }

  @Test
  void readsEveryCertificateInACaBundleAndAChainFile() {
    Issued other = TestCertificates.ca("other-ca");
    Path bundle = TestCertificates.writeCertificates(dir.resolve("bundle.crt"),
        ca.certificate(), other.certificate());
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Path chain = TestCertificates.writeCertificates(dir.resolve("chain.crt"),
        client.certificate(), ca.certificate());
    Path key = TestCertificates.writeKey(dir.resolve("c.key"), client.keys(), PKCS8);

    TlsMaterial tls = TlsMaterial.load(target(bundle, chain, key));

    assertThat(tls.caCertificates()).hasSize(2);
    assertThat(tls.clientCertificateChain()).containsExactly(client.certificate(), ca.certificate());
  }

  @Test
  void anExpiredClientCertificateLoadsAndCallersCanSeeIt() {
    Issued old = TestCertificates.issue(ca, "old", KeyType.EC, List.of(),
        Instant.now().minus(Duration.ofHours(1)));
    Path cert = TestCertificates.writeCertificates(dir.resolve("old.crt"), old.certificate());
    Path key = TestCertificates.writeKey(dir.resolve("old.key"), old.keys(), PKCS8);
    TlsMaterial tls = TlsMaterial.load(target(writeCa(), cert, key));
    assertThat(tls.clientCertificate().orElseThrow().getNotAfter()).isBefore(Instant.now());
  }

  @Test
  void aKeyOfAnotherCertificateIsNamedWithBothFiles() {
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Issued stranger = TestCertificates.client(ca, KeyType.EC);
    Path cert = TestCertificates.writeCertificates(dir.resolve("c.crt"), client.certificate());
    Path key = TestCertificates.writeKey(dir.resolve("c.key"), stranger.keys(), PKCS8);
    assertBadInput(target(null, cert, key), "client key " + key + " (from ETCDCTL_KEY) does not"
        + " match client certificate " + cert + " (from --cert)");
  }

  @Test
  void aKeyOfAnotherAlgorithmDoesNotMatch() {
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Path cert = TestCertificates.writeCertificates(dir.resolve("c.crt"), client.certificate());
    Path key = TestCertificates.writeKey(dir.resolve("c.key"),
        TestCertificates.keyPair(KeyType.RSA), TRADITIONAL);
    assertThatThrownBy(() -> TlsMaterial.load(target(null, cert, key)))
        .hasMessageContaining("does not match client certificate " + cert);
  }

  @Test
  void aMissingFileIsNamedWithItsOrigin() {
    Path missing = dir.resolve("client.key");
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Path cert = TestCertificates.writeCertificates(dir.resolve("c.crt"), client.certificate());
    assertBadInput(target(null, cert, missing),
        "client key " + missing + " (from ETCDCTL_KEY) does not exist");
    assertBadInput(target(dir.resolve("ca.crt"), null, null),
        "CA file " + dir.resolve("ca.crt") + " (from etcd.cacert in /etc/etcd-warden/warden.yaml)"
            + " does not exist");
  }

  @Test
  void garbageIsNotACertificate() throws Exception {
    Path garbage = Files.writeString(dir.resolve("ca.crt"), "hello, I am not a certificate\n");
    assertBadInput(target(garbage, null, null), "CA file " + garbage + " (from etcd.cacert in"
        + " /etc/etcd-warden/warden.yaml) contains no PEM certificate (expected -----BEGIN"
        + " CERTIFICATE-----)");
    Path der = Files.write(dir.resolve("ca.der"), ca.certificate().getEncoded());
    assertThatThrownBy(() -> TlsMaterial.load(target(der, null, null)))
        .hasMessageContaining("contains no PEM certificate");
  }

  @Test
  void brokenPemIsNamed() throws Exception {
    Path broken = Files.writeString(dir.resolve("ca.crt"),
        "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> TlsMaterial.load(target(broken, null, null)))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("CA file " + broken + " (from etcd.cacert in"
            + " /etc/etcd-warden/warden.yaml) is not a valid PEM file: ");
  }

  @Test
  void aCertificateWhereTheKeyShouldBeIsNamed() {
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Path cert = TestCertificates.writeCertificates(dir.resolve("c.crt"), client.certificate());
    assertBadInput(target(null, cert, cert), "client key " + cert + " (from ETCDCTL_KEY)"
        + " contains no PEM private key (expected -----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or"
        + " EC PRIVATE KEY)");
  }

  @Test
  void encryptedKeysAreRefusedInBothEncodings() throws Exception {
    Issued client = TestCertificates.client(ca, KeyType.RSA);
    Path cert = TestCertificates.writeCertificates(dir.resolve("c.crt"), client.certificate());
    // The JDK lacks the PKCS7 padding name BouncyCastle asks for; use BC here, unregistered.
    BouncyCastleProvider bc = new BouncyCastleProvider();
    StringWriter pkcs8 = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(pkcs8)) {
      pem.writeObject(new JcaPKCS8Generator(client.keys().getPrivate(),
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(bc)
              .setPassword("secret".toCharArray()).build()));
    }
    StringWriter legacy = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(legacy)) {
      pem.writeObject(client.keys().getPrivate(),
          new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(bc).build("secret".toCharArray()));
    }
    for (String text : List.of(pkcs8.toString(), legacy.toString())) {
      Path key = TestCertificates.write(dir.resolve("c.key"), text);
      assertThatThrownBy(() -> TlsMaterial.load(target(null, cert, key)))
          .hasMessageStartingWith("client key " + key + " (from ETCDCTL_KEY) is encrypted;"
              + " encrypted keys are not supported");
    }
  }

  @Test
  void aDirectoryIsNamed() {
    assertBadInput(target(dir, null, null), "CA file " + dir + " (from etcd.cacert in"
        + " /etc/etcd-warden/warden.yaml) is a directory, not a file");
  }

  @Test
  void anUnreadableFileSaysPermissionDenied() throws Exception {
    Path key = TestCertificates.writeKey(dir.resolve("c.key"),
        TestCertificates.keyPair(KeyType.EC), PKCS8);
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Path cert = TestCertificates.writeCertificates(dir.resolve("c.crt"), client.certificate());
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(key), "running as root: every file is readable");
    assertBadInput(target(null, cert, key), "client key " + key + " (from ETCDCTL_KEY) is not"
        + " readable (permission denied; run as a user that can read it)");
  }

  private Path writeCa() {
    return TestCertificates.writeCertificates(dir.resolve("ca.crt"), ca.certificate());
  }

  /** A target whose files came from three different layers, as in real life. */
  private static EtcdTarget target(Path caFile, Path certFile, Path keyFile) {
    Map<String, String> origins = new HashMap<>();
    origins.put(EtcdTarget.CACERT, "etcd.cacert in /etc/etcd-warden/warden.yaml");
    origins.put(EtcdTarget.CERT, "--cert");
    origins.put(EtcdTarget.KEY, "ETCDCTL_KEY");
    return new EtcdTarget(List.of(URI.create("https://127.0.0.1:2379")),
        Optional.ofNullable(caFile), Optional.ofNullable(certFile), Optional.ofNullable(keyFile),
        Duration.ofSeconds(5), origins);
  }

  private static void assertBadInput(EtcdTarget target, String message) {
    assertThatThrownBy(() -> TlsMaterial.load(target))
        .isInstanceOf(WardenException.class)
        .hasMessage(message)
        .extracting(e -> ((WardenException) e).kind()).isEqualTo(WardenException.Kind.BAD_INPUT);
  }
}
