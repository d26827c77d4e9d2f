package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reads the (first) certificate of a PEM file, failing with one line that names the file. */
final class PemCertificate {
  private PemCertificate() {}

  static X509Certificate read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw WardenException.badInput("cannot read the certificate in " + file + ": "
          + e.getMessage() + "; fix --data-dir or reinstall the member");
    }
  }
}
