package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Issues a member or client certificate again from the CA that signed it: the same name and
 * subject alternative names (plus any hosts the operator adds), a new key, written over the old
 * files in their folder (each file replaced atomically, the key 0600). The new certificate lives
 * {@code validity}, cut short at the CA's own expiry rather than refused.
 */
public final class MemberReissue {
  private static final String REMEDY = "fix --data-dir, or reinstall the member";

  private final Pki pki;
  private final Clock clock;

  public MemberReissue(Pki pki, Clock clock) {
    this.pki = pki;
    this.clock = clock;
  }

  /** Re-issues the member certificate in {@code current}, adding {@code extraHosts}. */
  public CertFiles member(CertFiles current, List<String> extraHosts, Duration validity) {
    X509Certificate old = readIssuedByThisCa(current.cert());
    List<String> hosts = new ArrayList<>(SubjectAltNames.hostsOf(old));
    extraHosts.stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
    return pki.issueMember(commonName(old), hosts, current.cert().getParent(), capped(validity));
  }

  /** Re-issues the client certificate in {@code current} under its name. */
  public CertFiles client(CertFiles current, Duration validity) {
    X509Certificate old = readIssuedByThisCa(current.cert());
    return pki.issueClient(commonName(old), current.cert().getParent(), capped(validity));
  }

  /**
   * Issues {@code current}'s member certificate from this CA whichever CA signed it (a CA
   * rotation), same name and SANs, into {@code outDir}.
   */
  public CertFiles memberFromAnyCa(CertFiles current, Path outDir, Duration validity) {
    X509Certificate old = new PemFiles().readCertificate(current.cert(), REMEDY);
    return pki.issueMember(commonName(old), SubjectAltNames.hostsOf(old), outDir,
        capped(validity));
  }

  /** Issues {@code current}'s client certificate from this CA whichever CA signed it. */
  public CertFiles clientFromAnyCa(CertFiles current, Path outDir, Duration validity) {
    X509Certificate old = new PemFiles().readCertificate(current.cert(), REMEDY);
    return pki.issueClient(commonName(old), outDir, capped(validity));
  }

  private X509Certificate readIssuedByThisCa(Path certFile) {
    X509Certificate old = new PemFiles().readCertificate(certFile, REMEDY);
    if (!old.getIssuerX500Principal().equals(pki.caCertificate().getSubjectX500Principal())) {
      throw WardenException.badInput(certFile + " was issued by "
          + old.getIssuerX500Principal().getName() + ", not by the CA in " + pki.caCertFile()
          + "; name the CA that issued it");
    }
    String name = commonName(old);
    String file = certFile.getFileName().toString();
    if (!file.equals(name + ".crt")) {
      throw WardenException.badInput(certFile + " holds the certificate of '" + name
          + "', not of '" + file.replaceFirst("\\.crt$", "") + "'; " + REMEDY);
    }
    return old;
  }

  private Duration capped(Duration validity) {
    Instant caExpiry = pki.caCertificate().getNotAfter().toInstant();
    Duration left = Duration.between(clock.instant(), caExpiry);
    if (left.compareTo(Duration.ofDays(1)) < 0) {
      throw WardenException.badInput("the CA in " + pki.caCertFile() + " expires " + caExpiry
          + ", too soon to issue from; replace the CA first");
    }
    return validity.compareTo(left) < 0 ? validity : left;
  }

  private static String commonName(X509Certificate cert) {
    String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    if (!dn.startsWith("CN=") || dn.contains(",")) {
      throw WardenException.badInput("certificate subject " + dn + " was not made by etcd-warden"
          + " (expected CN=NAME only); renew it with the tool that made it");
    }
    return dn.substring(3);
  }

  /** Kept so a parse failure of the SAN extension names the file. */
  static WardenException unreadableNames(X509Certificate cert, CertificateParsingException e) {
    return new WardenException("cannot read the subject alternative names of "
        + cert.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
  }
}
