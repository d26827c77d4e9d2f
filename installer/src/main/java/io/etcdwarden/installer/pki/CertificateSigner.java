package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs the two shapes of certificate this PKI issues: the self-signed CA and the
 * leaf certificates it signs (members and clients). Knows X.509 extensions, nothing about files;
 * the validity window is passed in so that the caller's clock decides it.
 */
final class CertificateSigner {
  private final SecureRandom random;

  CertificateSigner(SecureRandom random) {
    this.random = random;
  }

  X509Certificate selfSignedCa(
      KeyPair keys, String commonName, Instant notBefore, Instant notAfter) {
    X500Name subject = commonNameOnly(commonName);
    PublicKey key = keys.getPublic();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject, serial(), Date.from(notBefore), Date.from(notAfter), subject, key);
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(key));
    } catch (CertIOException | GeneralSecurityException e) {
      throw signingFailed(commonName, e);
    }
    return sign(builder, keys.getPrivate(), commonName);
  }

  /** A leaf certificate for {@code subjectKey}; {@code altNames} may be null (client certs). */
  X509Certificate leaf(
      X509Certificate ca,
      PrivateKey caKey,
      String commonName,
      PublicKey subjectKey,
      Instant notBefore,
      Instant notAfter,
      KeyPurposeId[] purposes,
      GeneralNames altNames) {
    X500Name subject = commonNameOnly(commonName);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            ca, serial(), Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
      if (altNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, altNames);
      }
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(ca));
    } catch (CertIOException | GeneralSecurityException e) {
      throw signingFailed(commonName, e);
    }
    return sign(builder, caKey, commonName);
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, String cn) {
    try {
      var signer = new JcaContentSignerBuilder(EcKeys.SIGNATURE_ALGORITHM).build(key);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw signingFailed(cn, e);
    }
  }

  /** Random, positive, 128 bits: unguessable, as CA/B guidance asks, and well under 20 octets. */
  private BigInteger serial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, random);
    } while (serial.signum() == 0);
    return serial;
  }

  private static X500Name commonNameOnly(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static WardenException signingFailed(String commonName, Exception e) {
    return new WardenException(
        "cannot sign the certificate for CN=" + commonName + ": " + e.getMessage(), e);
  }
}
