package io.etcdwarden.installer.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.IPAddress;

/**
 * What a member certificate from any CA must satisfy for etcd: valid now, usable both as a TLS
 * server and a TLS client (etcd dials its peers with the same certificate), a subjectAltName for
 * every host the member is reached at (IPs as iPAddress entries, names as dNSName entries, a
 * leading wildcard covering one label), and a chain to one of the trusted CAs. Each rule returns
 * its problems as lines naming the certificate.
 */
final class MemberCertificateRules {
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int MAX_CHAIN = 8;

  private MemberCertificateRules() {}

  static List<String> validity(X509Certificate cert, String name, Instant now) {
    if (now.isAfter(cert.getNotAfter().toInstant())) {
      return List.of(name + " expired on " + cert.getNotAfter().toInstant());
    }
    if (now.isBefore(cert.getNotBefore().toInstant())) {
      return List.of(name + " is not valid until " + cert.getNotBefore().toInstant()
          + " (are the clocks right?)");
    }
    return List.of();
  }

  static List<String> usages(X509Certificate cert, String name) {
    List<String> problems = new ArrayList<>();
    List<String> usages;
    try {
      usages = cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      return List.of(name + ": its extended key usage extension cannot be read");
    }
    // No extension at all allows every usage (RFC 5280), as Go's TLS stack reads it.
    if (usages != null && !usages.contains(ANY_USAGE)) {
      if (!usages.contains(SERVER_AUTH)) {
        problems.add(name + " lacks the serverAuth extended key usage (etcd serves clients and"
            + " peers with it); ask the CA for serverAuth and clientAuth");
      }
      if (!usages.contains(CLIENT_AUTH)) {
        problems.add(name + " lacks the clientAuth extended key usage (etcd dials its peers with"
            + " it); ask the CA for serverAuth and clientAuth");
      }
    }
    boolean[] keyUsage = cert.getKeyUsage();
    if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
      problems.add(name + " has a key usage without digitalSignature, which TLS needs");
    }
    return problems;
  }

  static List<String> missingHosts(X509Certificate cert, String name, List<String> hosts) {
    List<String> names = SubjectAltNames.hostsOf(cert);
    List<String> problems = new ArrayList<>();
    for (String host : hosts) {
      if (!covered(host, names)) {
        problems.add(name + " lacks subjectAltName " + (IPAddress.isValid(host) ? "IP:" : "DNS:")
            + host + ", which clients and peers use to reach the member (it has "
            + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
      }
    }
    return problems;
  }

  private static boolean covered(String host, List<String> names) {
    if (IPAddress.isValid(host)) {
      return names.stream().filter(IPAddress::isValid).anyMatch(n -> sameIp(n, host));
    }
    String wanted = host.toLowerCase(Locale.ROOT);
    for (String n : names) {
      String name = n.toLowerCase(Locale.ROOT);
      if (name.equals(wanted) || (name.startsWith("*.") && wanted.indexOf('.') > 0
          && wanted.substring(wanted.indexOf('.')).equals(name.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameIp(String a, String b) {
    try {
      return java.net.InetAddress.getByName(a).equals(java.net.InetAddress.getByName(b));
    } catch (java.net.UnknownHostException e) {
      return a.equals(b);
    }
  }

  /** Whether {@code chain}'s first certificate leads, through the others, to one of {@code cas}. */
  static boolean chainsTo(List<X509Certificate> chain, List<X509Certificate> cas) {
    X509Certificate current = chain.get(0);
    for (int depth = 0; depth < MAX_CHAIN; depth++) {
      for (X509Certificate ca : cas) {
        if (signs(ca, current)) {
          return true;
        }
      }
      X509Certificate next = null;
      for (X509Certificate candidate : chain) {
        if (candidate != current && signs(candidate, current)) {
          next = candidate;
        }
      }
      if (next == null) {
        return false;
      }
      current = next;
    }
    return false;
  }

  private static boolean signs(X509Certificate issuer, X509Certificate cert) {
    if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
