package io.etcdwarden.installer.certs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificates kept in files on this host, collected into entries: every certificate of a
 * PEM file (a trust bundle holds several). A file that does not exist is left out (a CA may live
 * on another host); one that exists but cannot be read becomes a problem line naming it.
 */
final class HeldCertificates {
  private final Instant now;
  private final List<CertificateEntry> entries = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  HeldCertificates(Instant now) {
    this.now = now;
  }

  /** Adds the certificates in {@code file}, if it exists, under {@code role}. */
  HeldCertificates add(String role, Path file) {
    if (!Files.exists(file)) {
      return this;
    }
    try (InputStream in = Files.newInputStream(file)) {
      var certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        problems.add(file + " (" + role + ") holds no certificate");
      }
      for (var cert : certs) {
        entries.add(CertificateEntry.of(role, file.toString(), (X509Certificate) cert, List.of(),
            now));
      }
    } catch (IOException | CertificateException e) {
      problems.add("cannot read " + file + " (" + role + "): " + e.getMessage());
    }
    return this;
  }

  List<CertificateEntry> entries() {
    return entries;
  }

  List<String> problems() {
    return problems;
  }
}
