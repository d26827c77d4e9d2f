package io.etcdwarden.core.tls;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a server would refuse our client certificate, found by looking at the certificate itself,
 * for the moment a handshake failed and the server said only "bad certificate" or nothing at
 * all: expired or not yet valid (with the date), no {@code clientAuth} extended key usage (a
 * server-only certificate), a key usage without {@code digitalSignature}, or not signed by the
 * CA file given. Empty when the certificate looks right, or cannot be read here (the load that
 * would have failed on it already said why).
 */
public final class ClientCertificateCheck {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";
  private static final Map<String, String> USAGE_NAMES = Map.of(
      "1.3.6.1.5.5.7.3.1", "serverAuth", CLIENT_AUTH, "clientAuth",
      "1.3.6.1.5.5.7.3.3", "codeSigning", "1.3.6.1.5.5.7.3.4", "emailProtection",
      "1.3.6.1.5.5.7.3.8", "timeStamping", "1.3.6.1.5.5.7.3.9", "OCSPSigning");
  private static final int DIGITAL_SIGNATURE = 0;

  private ClientCertificateCheck() {}

  /**
   * The likeliest reason the server refused the target's client certificate: its {@link
   * #problem}, else, for a certificate that looks right, an untrusted issuer or a revocation;
   * for one that cannot be read here, the usual suspects.
   */
  public static String likelyCause(EtcdTarget target, Instant now) {
    Optional<String> problem = problem(target, now);
    if (problem.isPresent()) {
      return problem.get();
    }
    return readable(target) ? "not signed by a CA it trusts, or revoked"
        : "expired, or not signed by a CA it trusts";
  }

  private static boolean readable(EtcdTarget target) {
    try {
      PemContents.certificates(new PemFile("client certificate", target.certFile().orElseThrow(),
          target.originOf(EtcdTarget.CERT)));
      return true;
    } catch (WardenException | NoSuchElementException e) {
      return false;
    }
  }

  /** What is wrong with the target's client certificate at {@code now}, if anything. */
  public static Optional<String> problem(EtcdTarget target, Instant now) {
    if (target.certFile().isEmpty()) {
      return Optional.empty();
    }
    try {
      List<X509Certificate> chain = PemContents.certificates(new PemFile("client certificate",
          target.certFile().get(), target.originOf(EtcdTarget.CERT)));
      List<X509Certificate> cas = target.caFile().map(ca -> PemContents.certificates(
          new PemFile("CA file", ca, target.originOf(EtcdTarget.CACERT)))).orElse(List.of());
      String caName = target.caFile().map(Path::toString).orElse("");
      return problem(chain.get(0), chain, cas, caName, now);
    } catch (WardenException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> problem(X509Certificate cert, List<X509Certificate> chain,
      List<X509Certificate> cas, String caName, Instant now) {
    if (now.isAfter(cert.getNotAfter().toInstant())) {
      return Optional.of("it expired on " + cert.getNotAfter().toInstant());
    }
    if (now.isBefore(cert.getNotBefore().toInstant())) {
      return Optional.of("it is not valid until " + cert.getNotBefore().toInstant()
          + " (are the clocks right?)");
    }
    Optional<String> usage = extendedKeyUsage(cert);
    if (usage.isPresent()) {
      return usage;
    }
    boolean[] keyUsage = cert.getKeyUsage();
    if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
      return Optional.of("its key usage lacks digitalSignature, which a TLS client needs");
    }
    if (!cas.isEmpty() && !signedByAny(cert, chain, cas)) {
      return Optional.of("it is not signed by the CA in " + caName + " (its issuer is "
          + cert.getIssuerX500Principal().getName() + "); etcd accepts client certificates from"
          + " its trusted CA only");
    }
    return Optional.empty();
  }

  private static Optional<String> extendedKeyUsage(X509Certificate cert) {
    List<String> usages;
    try {
      usages = cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      return Optional.of("its extended key usage extension cannot be read");
    }
    if (usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_USAGE)) {
      return Optional.empty();
    }
    return Optional.of("it has no clientAuth extended key usage (it allows only "
        + usages.stream().map(u -> USAGE_NAMES.getOrDefault(u, u))
            .collect(Collectors.joining(", "))
        + "); issue a client certificate, e.g. with etcd-warden credentials package");
  }

  /** Whether the leaf, or an intermediate shipped beside it, was signed by one of the CAs. */
  private static boolean signedByAny(X509Certificate leaf, List<X509Certificate> chain,
      List<X509Certificate> cas) {
    for (X509Certificate ca : cas) {
      for (X509Certificate c : chain) {
        try {
          c.verify(ca.getPublicKey());
          return true;
        } catch (GeneralSecurityException e) {
          // Not this one; try the next.
        }
      }
    }
    return false;
  }
}
