package io.etcdwarden.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TestCertificates.Issued;
import io.etcdwarden.core.tls.TestCertificates.KeyType;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code EC PRIVATE KEY} without its optional public key and without its curve (what
 * BouncyCastle's PEM writer makes of a JDK key; etcd and openssl refuse it too) is refused for
 * what is wrong with the file; it was refused with "Cannot invoke ... getPublicKeyInfo() ... is
 * null", a message about our code.
 */
class EcKeyWithoutPublicKeyTest {
  @TempDir Path dir;

  @Test
  void aSec1KeyWithoutPublicKeyOrCurveIsRefusedForTheMissingCurve() throws Exception {
    Issued ca = TestCertificates.ca("etcd-ca");
    Issued client = TestCertificates.client(ca, KeyType.EC);
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(client.keys().getPrivate());
    }
    Path key = Files.writeString(dir.resolve("client.key"), pem.toString());
    assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");
    Path cert = TestCertificates.writeCertificates(dir.resolve("client.crt"),
        client.certificate());
    Path caFile = TestCertificates.writeCertificates(dir.resolve("ca.crt"), ca.certificate());

    EtcdTarget target = new EtcdTarget(List.of(URI.create("https://127.0.0.1:1")),
        Optional.of(caFile), Optional.of(cert), Optional.of(key), Duration.ofSeconds(5),
        Map.of());

    assertThatThrownBy(() -> TlsMaterial.load(target))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("client key " + key)
        .hasMessageContaining("EC domain parameters must be encoded")
        .hasMessageNotContaining("null");
  }
}
