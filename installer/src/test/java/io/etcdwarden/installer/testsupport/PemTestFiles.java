package io.etcdwarden.installer.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads PEM files independently of the production code, so tests check what is on disk rather
 * than trusting the writer to read back its own output.
 */
public final class PemTestFiles {
  private PemTestFiles() {}

  /** The single PEM block in {@code file}, which must carry {@code type}. */
  public static byte[] block(Path file, String type) throws IOException {
    try (PemReader reader = new PemReader(new StringReader(Files.readString(file)))) {
      PemObject block = reader.readPemObject();
      if (block == null || !block.getType().equals(type)) {
        throw new IOException(file + " holds no " + type + " block");
      }
      return block.getContent();
    }
  }

  public static X509Certificate certificate(Path file)
      throws IOException, GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    return (X509Certificate)
        factory.generateCertificate(new ByteArrayInputStream(block(file, "CERTIFICATE")));
  }

  public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(block(file, "PRIVATE KEY")));
  }
}
