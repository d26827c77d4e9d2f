package io.etcdwarden.core.tls;

import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Turns the objects in a {@link PemFile} into JCA certificates or one private key. Keys may be
 * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE
 * KEY}, with or without its {@code EC PARAMETERS} block); encrypted keys are refused because
 * nothing could ask for a passphrase when a check runs under NRPE or the daemon.
 */
final class PemContents {
  private PemContents() {}

  /** All certificates in the file, in order; fails when there are none. */
  static List<X509Certificate> certificates(PemFile file) {
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object o : file.objects()) {
      if (o instanceof X509CertificateHolder holder) {
        try {
          certificates.add(converter.getCertificate(holder));
        } catch (CertificateException e) {
          throw file.problem("holds a certificate Java cannot read: " + e.getMessage(), e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw file.problem("contains no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }
    return List.copyOf(certificates);
  }

  /** The one private key in the file. */
  static PrivateKey privateKey(PemFile file) {
    List<PrivateKey> keys = new ArrayList<>();
    for (Object o : file.objects()) {
      if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
        throw file.problem("is encrypted; encrypted keys are not supported"
            + " (decrypt it, e.g. openssl pkey -in KEY -out KEY.plain, and protect it with"
            + " file permissions)");
      } else if (o instanceof PEMKeyPair pair) {
        // Only the private half: an EC key may leave its public key out (SEC1 allows it).
        keys.add(JdkPrivateKey.of(pair.getPrivateKeyInfo(), file));
      } else if (o instanceof PrivateKeyInfo info) {
        keys.add(JdkPrivateKey.of(info, file));
      }
    }
    if (keys.isEmpty()) {
      throw file.problem("contains no PEM private key (expected -----BEGIN PRIVATE KEY-----,"
          + " RSA PRIVATE KEY or EC PRIVATE KEY)");
    }
    if (keys.size() > 1) {
      throw file.problem("contains " + keys.size() + " private keys; expected exactly one");
    }
    return keys.get(0);
  }
}
