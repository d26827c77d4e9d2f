package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client certificates the cluster's CA signed but etcd still refuses, each named for what is
 * wrong with it: one without the clientAuth extended key usage (a server-only certificate) is
 * not "expired", and an expired one says when it expired. Through {@code health} (jetcd, the
 * JDK's TLS) and {@code snapshot} (gRPC's BoringSSL), against a real etcd.
 */
class ClientCertificateRejectedIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void aCertificateWithoutClientAuthSaysSoAndNotExpired() throws Exception {
    Map<String, String> env = withClientCertificate("server-only",
        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth},
        Instant.now().plus(Duration.ofDays(1)));

    for (CliRun run : runs(env)) {
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out() + run.err()).as(run.toString())
          .contains("server-only.crt")
          .contains("has no clientAuth extended key usage")
          .doesNotContain("expired");
    }
  }

  @Test
  void anExpiredCertificateSaysWhenItExpired() throws Exception {
    Map<String, String> env = withClientCertificate("expired",
        new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth},
        Instant.now().minus(Duration.ofDays(2)));

    for (CliRun run : runs(env)) {
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out() + run.err()).as(run.toString())
          .contains("expired.crt").contains("expired on 20")
          .doesNotContain("clientAuth");
    }
  }

  private CliRun[] runs(Map<String, String> env) {
    return new CliRun[] {CliRun.run(env, "health"),
        CliRun.run(env, "snapshot", "--target", "file://" + tmp + "?allow-non-mount=true")};
  }

  /** The etcdctl environment with a client certificate from the cluster's own CA. */
  private Map<String, String> withClientCertificate(String name, KeyPurposeId[] purposes,
      Instant notAfter) throws Exception {
    Path pki = etcd.cluster().dir().resolve("pki");
    X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(pki.resolve(Pki.CA_CERT_FILE)));
    PrivateKey caKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
        pemBody(pki.resolve(Pki.CA_KEY_FILE))));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca,
        BigInteger.valueOf(System.nanoTime()), Date.from(notAfter.minus(Duration.ofDays(30))),
        Date.from(notAfter), new X500Name("CN=" + name), keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
    Path certFile = Files.writeString(tmp.resolve(name + ".crt"), pem(cert));
    Path keyFile = Files.writeString(tmp.resolve(name + ".key"), "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_CERT", certFile.toString());
    env.put("ETCDCTL_KEY", keyFile.toString());
    return env;
  }

  private static byte[] pemBody(Path file) throws IOException {
    String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "");
    return Base64.getMimeDecoder().decode(text);
  }

  private static String pem(X509Certificate object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
