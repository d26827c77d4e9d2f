package io.etcdwarden.core.client;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.ClientCertificateCheck;
import io.netty.handler.ssl.NotSslRecordException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The TLS part of {@link FailureExplainer}: recognises why a handshake failed and names the file
 * to fix, taking the CA or client certificate path and its origin from the target. Returns the
 * text after "TLS handshake failed: ", or empty when the failure is not a TLS one.
 */
final class TlsFailures {
  /** Alerts a server sends when it does not accept the client certificate (or its absence). */
  private static final Set<String> CLIENT_CERT_ALERTS = Set.of("bad_certificate", "unknown_ca",
      "certificate_required", "certificate_unknown", "certificate_expired",
      "certificate_revoked", "unsupported_certificate", "access_denied", "handshake_failure");

  private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

  private TlsFailures() {}

  static Optional<String> explain(FailureChain chain, EtcdTarget target) {
    if (chain.find(CertificateExpiredException.class).isPresent()) {
      return Optional.of("the server's certificate (or its CA's) has expired");
    }
    if (chain.find(CertificateNotYetValidException.class).isPresent()) {
      return Optional.of("the server's certificate is not valid yet (are the clocks right?)");
    }
    if (chain.find(CertPathBuilderException.class).isPresent()
        || chain.mentions("PKIX path building failed")) {
      return Optional.of("the server's certificate is not signed by " + trustedCa(target));
    }
    if (chain.mentions("No subject alternative names matching")
        || chain.mentions("No subject alternative DNS name matching")
        || chain.mentions("No name matching")) {
      return Optional.of("the server's certificate is not issued for this address"
          + " (no matching subject alternative name; use the name or IP it was issued for)");
    }
    Optional<String> alert = alert(chain);
    if (alert.isPresent() && CLIENT_CERT_ALERTS.contains(alert.get())) {
      return Optional.of(target.hasClientCertificate()
          ? "the server rejected our client certificate " + clientCert(target)
              + " (" + alert.get() + ")" + clientCertProblem(target).map(p -> ": " + p).orElse("")
          : "the server wants a client certificate (" + alert.get()
              + "); set --cert and --key, ETCDCTL_CERT and ETCDCTL_KEY, or etcd.cert and etcd.key");
    }
    if (chain.find(NotSslRecordException.class).isPresent()) {
      return Optional.of("the server did not answer with TLS (does it serve plain http? then"
          + " use http://HOST:PORT)");
    }
    if (chain.mentions("Connection closed while performing TLS negotiation")
        || chain.mentions("Connection closed while SSL/TLS handshake was in progress")) {
      return Optional.of("the server closed the connection during the handshake (does it serve"
          + " plain http? then use http://HOST:PORT"
          + (target.hasClientCertificate()
              ? "; or it rejected our client certificate " + clientCert(target)
                  + clientCertProblem(target).map(p -> ": " + p).orElse("") : "") + ")");
    }
    if (alert.isPresent()) {
      return Optional.of("the server sent alert " + alert.get());
    }
    return chain.find(SSLException.class)
        .map(e -> FailureChain.firstLine(String.valueOf(e.getMessage())));
  }

  private static String trustedCa(EtcdTarget target) {
    return target.caFile()
        .map(ca -> "CA " + ca + " (from " + target.originOf(EtcdTarget.CACERT) + ")")
        .orElse("a CA in the JVM's default trust store (give the cluster's CA with --cacert,"
            + " ETCDCTL_CACERT or etcd.cacert)");
  }

  /** What is wrong with our client certificate, seen locally; empty when it looks right. */
  static Optional<String> clientCertProblem(EtcdTarget target) {
    return ClientCertificateCheck.problem(target, Instant.now());
  }

  private static String clientCert(EtcdTarget target) {
    return target.certFile().map(c -> c + " (from " + target.originOf(EtcdTarget.CERT) + ")")
        .orElse("(none)");
  }

  /** The TLS alert the server sent ("bad_certificate"), if any. */
  private static Optional<String> alert(FailureChain chain) {
    return chain.all().stream()
        .filter(t -> t instanceof SSLException && t.getMessage() != null)
        .map(t -> ALERT.matcher(t.getMessage()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .findFirst();
  }
}
