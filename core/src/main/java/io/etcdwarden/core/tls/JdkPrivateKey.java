package io.etcdwarden.core.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Turns a parsed private key (PKCS#8 {@link PrivateKeyInfo}; a PKCS#1 or SEC1 key arrives here
 * already wrapped as one) into a key of the JDK's own providers, chosen by the key's algorithm
 * OID. BouncyCastle's {@code JcaPEMKeyConverter} asks JCA for a "ECDSA" key factory, which no JDK
 * provider has: JCA then walks every configured provider, the ones missing from the bundled
 * runtime make it search the class path, and BouncyCastle's whole provider (~450 classes, its
 * post-quantum ones included) is loaded and registered to serve that one call, in every command
 * and in the daemon for its whole life.
 */
final class JdkPrivateKey {
  /** Key algorithm OIDs to the JDK's key factory names. */
  private static final Map<String, String> FACTORIES = Map.of(
      "1.2.840.113549.1.1.1", "RSA",
      "1.2.840.113549.1.1.10", "RSASSA-PSS",
      "1.2.840.10045.2.1", "EC",
      "1.2.840.10040.4.1", "DSA",
      "1.3.101.112", "Ed25519",
      "1.3.101.113", "Ed448");
  private static final String EC = "EC";

  private JdkPrivateKey() {}

  /** The key, or a problem naming {@code file} when the JDK cannot use it. */
  static PrivateKey of(PrivateKeyInfo info, PemFile file) {
    String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
    String algorithm = FACTORIES.get(oid);
    if (algorithm == null) {
      throw file.problem("holds a private key of an algorithm Java cannot use (OID " + oid
          + "; use RSA, EC or Ed25519)");
    }
    if (EC.equals(algorithm) && info.getPrivateKeyAlgorithm().getParameters() == null) {
      throw file.problem("holds an EC private key without its curve (EC domain parameters must"
          + " be encoded in the key; write it again with openssl ec or openssl pkey)");
    }
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw file.problem("holds a private key Java cannot use: " + e.getMessage(), e);
    }
  }
}
