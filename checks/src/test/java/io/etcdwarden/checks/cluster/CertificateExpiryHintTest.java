package io.etcdwarden.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.cluster.ClusterReport;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warning names the command that fixes it: renew for a leaf, rotate-ca for a CA. */
class CertificateExpiryHintTest {
  @TempDir Path tmp;

  @Test
  void aCaCloseToExpiryPointsAtRotateCaALeafAtRenew() throws Exception {
    Path ca = pem("ca.crt", true, 20);
    Path leaf = pem("client.crt", false, 10);

    CheckResult caOnly = evaluate(ca);
    CheckResult both = evaluate(ca, leaf);

    assertThat(caOnly.overall()).isEqualTo(State.WARNING);
    assertThat(caOnly.summary()).startsWith("certificate expires in 19 days: CN=test in ca.crt")
        .endsWith("replace the CA with 'etcd-warden certs rotate-ca'");
    assertThat(both.summary()).contains("in client.crt")
        .endsWith("renew with 'etcd-warden certs renew'");
  }

  private static CheckResult evaluate(Path... files) {
    return new CertificateExpiry(List.of(files), Thresholds.of(
        ClusterThresholds.DEFAULT_CERT_WARNING, ClusterThresholds.DEFAULT_CERT_CRITICAL),
        Clock.systemUTC(), Duration.ZERO).evaluate(new ClusterReport(Instant.now(), "",
        List.of()));
  }

  private Path pem(String name, boolean ca, int days) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=test"), BigInteger.ONE,
        Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(days))),
        new X500Name("CN=test"), keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(keys.getPrivate())).getEncoded();
    return Files.writeString(tmp.resolve(name), "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n");
  }
}
