package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.core.files.BoundedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes the PEM files this PKI keeps: {@code CERTIFICATE} blocks and PKCS#8 {@code
 * PRIVATE KEY} blocks, the forms etcd, etcdctl, OpenSSL and Java all read. Keys are written
 * owner-only from the moment the file exists; a file that cannot be read becomes one message
 * naming it and saying what is wrong with it.
 */
final class PemFiles {
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String PRIVATE_KEY = "PRIVATE KEY";

  private final AtomicFileWriter writer = new AtomicFileWriter();

  void writeCertificate(Path file, X509Certificate certificate) {
    try {
      byte[] text = pem(CERTIFICATE, certificate.getEncoded());
      writer.write(file, text, AtomicFileWriter.WORLD_READABLE);
    } catch (GeneralSecurityException e) {
      throw new WardenException("cannot encode the certificate for " + file + ": " + e, e);
    }
  }

  void writePrivateKey(Path file, PrivateKey key) {
    // JDK EC keys encode as PKCS#8, which is what the "PRIVATE KEY" label promises.
    writer.write(file, pem(PRIVATE_KEY, key.getEncoded()), AtomicFileWriter.OWNER_ONLY);
  }

  /**
   * Reads the first certificate in {@code file}; {@code remedy} ends the message of any failure
   * so that it says what the operator should do.
   */
  X509Certificate readCertificate(Path file, String remedy) {
    byte[] der = readBlock(file, CERTIFICATE, remedy);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw unreadable(file, "the CERTIFICATE block is not a valid X.509 certificate", remedy, e);
    }
  }

  /** Reads a PKCS#8 EC private key from {@code file}. */
  PrivateKey readPrivateKey(Path file, String remedy) {
    byte[] der = readBlock(file, PRIVATE_KEY, remedy);
    try {
      return EcKeys.fromPkcs8(der);
    } catch (GeneralSecurityException e) {
      throw unreadable(file, "the PRIVATE KEY block is not a PKCS#8 EC key", remedy, e);
    }
  }

  private static byte[] readBlock(Path file, String type, String remedy) {
    String text;
    try {
      // Latin-1 maps every byte, so a binary file fails as "not PEM", not as a charset error.
      text = new String(BoundedFile.bytes(file, BoundedFile.SMALL_FILE_BYTES, "PEM file"),
          StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "the file does not exist", remedy, e);
    } catch (IOException e) {
      throw unreadable(file, e.getClass().getSimpleName() + " " + e.getMessage(), remedy, e);
    }
    try (PemReader reader = new PemReader(new StringReader(text))) {
      PemObject block;
      while ((block = reader.readPemObject()) != null) {
        if (type.equals(block.getType())) {
          return block.getContent();
        }
      }
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports bad base64 as a RuntimeException, not an IOException.
      throw unreadable(file, "it is not valid PEM", remedy, e);
    }
    throw unreadable(file, "no PEM \"" + type + "\" block found", remedy, null);
  }

  private static byte[] pem(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter out = new PemWriter(text)) {
      out.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to memory cannot fail", e);
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static WardenException unreadable(Path file, String why, String remedy, Exception e) {
    return WardenException.badInput("cannot read " + file + ": " + why + "; " + remedy, e);
  }
}
