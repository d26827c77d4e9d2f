package io.etcdwarden.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TestCertificates.Issued;
import io.etcdwarden.core.tls.TestCertificates.KeyFormat;
import io.etcdwarden.core.tls.TestCertificates.KeyType;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client keys are keys of the JDK's own providers in every encoding the README promises, so that
 * reading one never loads BouncyCastle's provider (its "ECDSA" key factory served EC keys before);
 * a key of an algorithm the JDK cannot use is refused in one line naming the file and the OID.
 */
class JdkPrivateKeyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"RSA, PKCS8, RSA", "RSA, TRADITIONAL, RSA", "EC, PKCS8, EC", "EC, TRADITIONAL, EC",
      "ED25519, PKCS8, EdDSA"})
  void everyEncodingGivesAJdkKey(KeyType type, KeyFormat format, String algorithm) {
    Issued ca = TestCertificates.ca("etcd-ca");
    Issued client = TestCertificates.client(ca, type);
    Path cert = TestCertificates.writeCertificates(dir.resolve("client.crt"), client.certificate());
    Path key = TestCertificates.writeKey(dir.resolve("client.key"), client.keys(), format);

    PrivateKey loaded = TlsMaterial.load(target(cert, key)).clientKey().orElseThrow();

    assertThat(loaded.getClass().getName()).doesNotStartWith("org.bouncycastle");
    assertThat(loaded.getAlgorithm()).isEqualTo(algorithm);
    PrivateKey written = client.keys().getPrivate();
    if (loaded instanceof ECPrivateKey ec) {
      // SEC1 carries the curve and the public key, the JDK's PKCS#8 neither: compare the secret.
      assertThat(ec.getS()).isEqualTo(((ECPrivateKey) written).getS());
    } else {
      assertThat(loaded.getEncoded()).isEqualTo(written.getEncoded());
    }
  }

  @Test
  void aKeyOfAnAlgorithmJavaCannotUseIsNamedWithItsOid() throws Exception {
    Issued ca = TestCertificates.ca("etcd-ca");
    Issued client = TestCertificates.client(ca, KeyType.EC);
    Path cert = TestCertificates.writeCertificates(dir.resolve("client.crt"), client.certificate());
    byte[] x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate()
        .getEncoded();
    Path key = TestCertificates.write(dir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(x25519) + "\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsMaterial.load(target(cert, key)))
        .isInstanceOf(WardenException.class)
        .hasMessage("client key " + key + " (from --key) holds a private key of an algorithm"
            + " Java cannot use (OID 1.3.101.110; use RSA, EC or Ed25519)");
  }

  private static EtcdTarget target(Path cert, Path key) {
    return new EtcdTarget(List.of(URI.create("https://127.0.0.1:1")), Optional.empty(),
        Optional.of(cert), Optional.of(key), Duration.ofSeconds(5),
        Map.of(EtcdTarget.CERT, "--cert", EtcdTarget.KEY, "--key"));
  }
}
