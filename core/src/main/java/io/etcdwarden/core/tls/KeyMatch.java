package io.etcdwarden.core.tls;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Checks that a private key belongs to a certificate by signing random bytes with the key and
 * verifying them with the certificate's public key. Comparing key parameters would need code per
 * algorithm; a signature round trip works the same for RSA, EC and Ed25519, and a mismatch found
 * here is far clearer than the TLS alert the server would otherwise send.
 */
final class KeyMatch {
  private KeyMatch() {}

  /** Throws {@link NoSuchAlgorithmException} when the JVM cannot sign with this kind of key. */
  static boolean matches(PrivateKey key, X509Certificate certificate)
      throws NoSuchAlgorithmException {
    Signature signer = Signature.getInstance(signatureAlgorithm(key));
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    try {
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(signatureAlgorithm(key));
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (NoSuchAlgorithmException e) {
      throw e;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A key of another algorithm than the certificate's lands here (InvalidKeyException).
      return false;
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
    return switch (algorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "DSA" -> "SHA256withDSA";
      // Ed25519 and Ed448 sign the message itself; the JDK names both keys "EdDSA".
      default -> algorithm;
    };
  }
}
