package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * ECDSA P-256 keys, the one key type this PKI issues: small, fast, and accepted by etcd's Go TLS
 * stack and by Java clients alike. Uses the JDK's own provider so that nothing registers a
 * security provider globally.
 */
final class EcKeys {
  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private EcKeys() {}

  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new WardenException("this JVM cannot generate ECDSA P-256 keys: " + e.getMessage(), e);
    }
  }

  /** Decodes a PKCS#8 EC private key; the caller turns the failure into a message for its file. */
  static PrivateKey fromPkcs8(byte[] der) throws GeneralSecurityException {
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /**
   * Whether {@code key} is the private half of {@code publicKey}. A signature round trip works
   * for any key encoding, where comparing derived public points would not.
   */
  static boolean matches(PrivateKey key, PublicKey publicKey) {
    byte[] probe = "etcd-warden key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A key of another type or curve cannot sign for this certificate: not a match.
      return false;
    }
  }
}
