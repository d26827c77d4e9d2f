package io.etcdwarden.core.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test-only PKI: key pairs of each kind etcd deployments use, a CA, certificates it issues for
 * servers (with IP SANs) and clients, and the PEM encodings ({@code PRIVATE KEY}, {@code RSA
 * PRIVATE KEY}, {@code EC PRIVATE KEY}) operators' files come in.
 */
public final class TestCertificates {
  /** Key algorithms a test can ask for. */
  public enum KeyType { RSA, EC, ED25519 }

  /** How a private key is written: PKCS#8, or the algorithm's traditional form (PKCS#1, SEC1). */
  public enum KeyFormat { PKCS8, TRADITIONAL }

  /** A certificate with its key. */
  public record Issued(X509Certificate certificate, KeyPair keys) {}

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private TestCertificates() {}

  public static KeyPair keyPair(KeyType type) {
    try {
      return switch (type) {
        case RSA -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(2048);
          yield g.generateKeyPair();
        }
        case EC -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          yield g.generateKeyPair();
        }
        case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed CA. */
  public static Issued ca(String commonName) {
    KeyPair keys = keyPair(KeyType.EC);
    return new Issued(build(commonName, keys, "CN=" + commonName, keys.getPrivate(), true,
        List.of(), Instant.now().plus(Duration.ofDays(365))), keys);
  }

  /** A server certificate for 127.0.0.1 and localhost, issued by {@code ca}. */
  public static Issued server(Issued ca, KeyType type) {
    return issue(ca, "etcd-server", type, List.of("127.0.0.1", "::1", "localhost"),
        Instant.now().plus(Duration.ofDays(30)));
  }

  /** A client certificate issued by {@code ca}. */
  public static Issued client(Issued ca, KeyType type) {
    return issue(ca, "etcd-client", type, List.of(), Instant.now().plus(Duration.ofDays(30)));
  }

  public static Issued issue(
      Issued ca, String commonName, KeyType type, List<String> names, Instant notAfter) {
    KeyPair keys = keyPair(type);
    X509Certificate cert = build(commonName, keys,
        ca.certificate().getSubjectX500Principal().getName(), ca.keys().getPrivate(), false,
        names, notAfter);
    return new Issued(cert, keys);
  }

  public static Path writeCertificates(Path file, X509Certificate... certificates) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (X509Certificate c : certificates) {
        pem.writeObject(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return write(file, out.toString());
  }

  /**
   * Writes {@code keys}' private key. TRADITIONAL is what openssl writes: PKCS#1 for RSA, SEC1
   * with the curve and public key for EC; Ed25519 has no traditional form and stays PKCS#8.
   */
  public static Path writeKey(Path file, KeyPair keys, KeyFormat format) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      PrivateKey key = keys.getPrivate();
      if (format == KeyFormat.TRADITIONAL && key instanceof ECPrivateKey ec) {
        // The JDK's own encoding leaves the curve out of the inner SEC1 structure, which Go
        // (etcd) and openssl reject; write it as openssl does.
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
            ec.getParams().getOrder().bitLength(), ec.getS(),
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
            info.getPrivateKeyAlgorithm().getParameters());
        pem.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
      } else if (format == KeyFormat.PKCS8 || !(key instanceof RSAPrivateKey)) {
        pem.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        pem.writeObject(key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return write(file, out.toString());
  }

  public static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate build(String subject, KeyPair keys, String issuer,
      PrivateKey issuerKey, boolean isCa, List<String> names, Instant notAfter) {
    try {
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
          BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(notAfter),
          new X500Name("CN=" + subject.replaceFirst("^CN=", "")), keys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        b.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      if (!names.isEmpty()) {
        List<GeneralName> san = new ArrayList<>();
        for (String n : names) {
          san.add(new GeneralName(n.matches("[0-9.]+") || n.contains(":") ? GeneralName.iPAddress
              : GeneralName.dNSName, n));
        }
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(san.toArray(GeneralName[]::new)));
      }
      String alg = switch (issuerKey.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC" -> "SHA256withECDSA";
        default -> "Ed25519";
      };
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
