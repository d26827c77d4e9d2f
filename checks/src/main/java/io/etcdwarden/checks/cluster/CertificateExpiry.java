package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.tls.ServedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Condition 9: days until the first of the certificates expires, against
 * {@code --cert-warning} / {@code --cert-critical} (default 30 / 7 days): those in the given
 * PEM files (the CA bundle and the client certificate the check uses) and the server
 * certificate each https member presents. A file that cannot be read is UNKNOWN, naming it.
 */
public final class CertificateExpiry implements ExtraCondition {
  /** What the operator runs about it, appended to a warning or critical summary. */
  static final String RENEW_HINT =
      "; see 'etcd-warden certs status', renew with 'etcd-warden certs renew'";
  /** The same for a CA certificate, which is replaced rather than renewed. */
  static final String ROTATE_HINT =
      "; see 'etcd-warden certs status', replace the CA with 'etcd-warden certs rotate-ca'";

  private final List<Path> files;
  private final Thresholds daysLeft;
  private final Clock clock;
  private final Duration handshakeTimeout;
  private final Optional<Map<String, Instant>> knownServerExpiry;

  /** {@code handshakeTimeout} zero: server certificates are not fetched. */
  public CertificateExpiry(List<Path> files, Thresholds daysLeft, Clock clock,
      Duration handshakeTimeout) {
    this(files, daysLeft, clock, handshakeTimeout, Optional.empty());
  }

  /**
   * With the members' server certificates' expiry already known (the daemon fetched them with
   * its survey), so the warm path makes no TLS handshakes of its own.
   */
  public CertificateExpiry(List<Path> files, Thresholds daysLeft, Clock clock,
      Map<String, Instant> serverExpiry) {
    this(files, daysLeft, clock, Duration.ZERO, Optional.of(Map.copyOf(serverExpiry)));
  }

  private CertificateExpiry(List<Path> files, Thresholds daysLeft, Clock clock,
      Duration handshakeTimeout, Optional<Map<String, Instant>> knownServerExpiry) {
    this.files = List.copyOf(files);
    this.daysLeft = daysLeft;
    this.clock = clock;
    this.handshakeTimeout = handshakeTimeout;
    this.knownServerExpiry = knownServerExpiry;
  }

  @Override
  public CheckResult evaluate(ClusterReport report) {
    if (files.isEmpty() && handshakeTimeout.isZero() && knownServerExpiry.isEmpty()) {
      return CheckResult.skipped("certificates not checked: no TLS files given");
    }
    Instant now = clock.instant();
    long fewest = Long.MAX_VALUE;
    String soonest = "";
    boolean soonestIsCa = false;
    for (Path file : files) {
      List<X509Certificate> certs;
      try {
        certs = read(file);
      } catch (IOException | CertificateException e) {
        return CheckResult.of(State.UNKNOWN, "cannot read certificates in " + file + ": "
            + e.getMessage());
      }
      for (X509Certificate cert : certs) {
        long days = Duration.between(now, cert.getNotAfter().toInstant()).toDays();
        if (days < fewest) {
          fewest = days;
          soonest = cert.getSubjectX500Principal().getName() + " in " + file.getFileName();
          soonestIsCa = cert.getBasicConstraints() >= 0;
        }
      }
    }
    Map<String, Instant> servers = knownServerExpiry.orElseGet(() ->
        serverExpiry(report, handshakeTimeout));
    for (var server : servers.entrySet()) {
      long days = Duration.between(now, server.getValue()).toDays();
      if (days < fewest) {
        fewest = days;
        soonest = "server certificate of " + server.getKey();
        soonestIsCa = false;
      }
    }
    if (fewest == Long.MAX_VALUE) {
      return CheckResult.of(State.UNKNOWN, "no certificates found in " + files);
    }
    State state = daysLeft.stateOf(fewest);
    String summary = (fewest < 0 ? "certificate expired " + -fewest + " days ago: "
        : "certificate expires in " + fewest + " days: ") + soonest
        + (state == State.OK ? "" : soonestIsCa ? ROTATE_HINT : RENEW_HINT);
    return new CheckResult(state, summary, List.of(),
        List.of(Perfdata.of("cert_days_left", fewest, "").with(daysLeft)), List.of());
  }

  /**
   * When each reachable https member's server certificate expires, by member, fetched in
   * parallel with one TLS handshake each; empty for a zero timeout.
   */
  public static Map<String, Instant> serverExpiry(ClusterReport report,
      Duration handshakeTimeout) {
    if (handshakeTimeout.isZero()) {
      return Map.of();
    }
    Map<String, CompletableFuture<List<X509Certificate>>> calls = new TreeMap<>();
    for (MemberStatus m : report.members()) {
      if (m.reachable() && m.clientUrl().startsWith("https://")) {
        calls.put(m.displayName(), CompletableFuture.supplyAsync(
            () -> ServedCertificate.fetch(URI.create(m.clientUrl()), handshakeTimeout)
                .map(ServedCertificate::leaf).stream().toList()));
      }
    }
    Map<String, Instant> found = new TreeMap<>();
    calls.forEach((name, call) -> call.join().forEach(cert ->
        found.put(name, cert.getNotAfter().toInstant())));
    return found;
  }

  private static List<X509Certificate> read(Path file) throws IOException, CertificateException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certs = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certs.add((X509Certificate) c);
      }
      return certs;
    }
  }
}
