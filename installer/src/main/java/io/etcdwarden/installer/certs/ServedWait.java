package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.tls.ServedCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls a member's client URL, one TLS handshake at a time, until it serves the certificate with
 * a given serial: etcd reads its certificate files again for each new connection, so new files
 * show within a handshake or two. Past the deadline, one line says what it serves instead.
 */
final class ServedWait {
  private static final Duration POLL = Duration.ofMillis(100);

  private ServedWait() {}

  static void await(String member, URI url, String serial, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Optional<String> seen;
    do {
      seen = ServedCertificate.fetch(url, POLL.multipliedBy(20))
          .map(s -> CertificateEntry.serialHex(s.leaf().getSerialNumber()));
      if (seen.isPresent() && seen.get().equals(serial)) {
        return;
      }
      LockSupport.parkNanos(POLL.toNanos());
    } while (System.nanoTime() < deadline);
    throw new WardenException("member " + member + " at " + url + " still serves "
        + seen.map(s -> "certificate serial " + s).orElse("no certificate") + " "
        + wait.toSeconds() + " s after its new certificate (serial " + serial + ") was written;"
        + " the new files are in place and etcd uses them when it next starts: check the member"
        + " (is it running?) and restart it");
  }
}
