package io.etcdwarden.core.tls;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The PEM reading and key check behind {@link TlsMaterial}, for files that are not the etcd
 * client's own: a member certificate, key and trusted CA an operator brings from another PKI.
 * Reads every key form {@link TlsMaterial} reads (PKCS#8, PKCS#1, SEC1); each failure is one line
 * naming the file by {@code role} and {@code origin} (the flag it came from).
 */
public final class TlsFiles {
  private TlsFiles() {}

  /** Every certificate in {@code path}, in order; fails in one line when there is none. */
  public static List<X509Certificate> certificates(String role, Path path, String origin) {
    return PemContents.certificates(new PemFile(role, path, origin));
  }

  /** The one private key in {@code path}; fails in one line otherwise. */
  public static PrivateKey privateKey(String role, Path path, String origin) {
    return PemContents.privateKey(new PemFile(role, path, origin));
  }

  /** Whether {@code key} is the private half of {@code certificate}'s public key. */
  public static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    try {
      return KeyMatch.matches(key, certificate);
    } catch (NoSuchAlgorithmException e) {
      return false;
    }
  }
}
