package io.etcdwarden.installer.certs;

import io.etcdwarden.core.tls.CertificateDeadlines;
import io.etcdwarden.core.tls.CertificateDeadlines.Urgency;
import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * One certificate in {@code certs status}: what it is for ({@code role}), where it was found (a
 * file, or a member's client URL for the certificate the member serves), its subject, subject
 * alternative names, issuer, serial (hex), expiry, whole days left and how urgent that is, and
 * for a served certificate the CAs the member accepts client certificates from.
 */
public record CertificateEntry(String role, String where, String subject, List<String> sans,
    String issuer, String serial, Instant notAfter, long daysLeft, Urgency urgency,
    List<String> trustedCas) {
  public CertificateEntry {
    sans = List.copyOf(sans);
    trustedCas = List.copyOf(trustedCas);
  }

  /** The entry for {@code cert} at {@code now}. */
  public static CertificateEntry of(String role, String where, X509Certificate cert,
      List<String> trustedCas, Instant now) {
    Instant notAfter = cert.getNotAfter().toInstant();
    long days = Duration.between(now, notAfter).toDays();
    if (notAfter.isBefore(now)) {
      days = Math.min(days, -1);
    }
    return new CertificateEntry(role, where, name(cert.getSubjectX500Principal()), sans(cert),
        name(cert.getIssuerX500Principal()), serialHex(cert.getSerialNumber()), notAfter, days,
        CertificateDeadlines.urgencyOf(days), trustedCas);
  }

  /** A serial as hex, lower case, as {@code openssl x509 -serial} shows it (but lower). */
  public static String serialHex(BigInteger serial) {
    return serial.toString(16).toLowerCase(Locale.ROOT);
  }

  private static String name(X500Principal principal) {
    return principal.getName(X500Principal.RFC2253);
  }

  private static List<String> sans(X509Certificate cert) {
    List<String> found = new ArrayList<>();
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> name : names) {
          int type = (Integer) name.get(0);
          String prefix = type == 7 ? "IP:" : type == 2 ? "DNS:" : "type" + type + ":";
          found.add(prefix + name.get(1));
        }
      }
    } catch (CertificateParsingException e) {
      found.add("(unreadable: " + e.getMessage() + ")");
    }
    return found;
  }
}
