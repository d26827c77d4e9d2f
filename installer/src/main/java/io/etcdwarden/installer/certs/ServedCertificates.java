package io.etcdwarden.installer.certs;

import io.etcd.jetcd.cluster.Member;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.ServedCertificate;
import io.etcdwarden.installer.membership.Membership;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The certificate each live member serves on its client URL, read from a TLS handshake (not
 * from disk: what etcd serves is what clients see), with the CAs the member says it trusts. The
 * members come from etcd's member list, asked with this host's credentials; when the list cannot
 * be had, only the member at {@code fallback} is asked, and the report says why.
 */
final class ServedCertificates {
  private final EtcdTarget target;
  private final Duration timeout;

  ServedCertificates(EtcdTarget target, Duration timeout) {
    this.target = target;
    this.timeout = timeout;
  }

  /** Adds one entry per member that answered the handshake; problems for the others. */
  void collect(Instant now, List<CertificateEntry> entries, List<String> problems) {
    Map<String, URI> members = new LinkedHashMap<>();
    try (EtcdClients clients = new EtcdClients(target)) {
      for (Member m : new Membership(clients).list()) {
        if (!m.getClientURIs().isEmpty()) {
          members.put(m.getName().isEmpty() ? "(unstarted)" : m.getName(),
              m.getClientURIs().get(0));
        }
      }
    } catch (WardenException e) {
      problems.add("cannot list the members (" + e.getMessage() + "); showing "
          + target.endpoints().get(0) + " only");
      members.put(target.endpoints().get(0).toString(), target.endpoints().get(0));
    }
    Map<String, CompletableFuture<List<ServedCertificate>>> calls = new LinkedHashMap<>();
    members.forEach((name, url) -> calls.put(name, CompletableFuture.supplyAsync(
        () -> ServedCertificate.fetch(url, timeout).stream().toList())));
    calls.forEach((name, call) -> {
      URI url = members.get(name);
      List<ServedCertificate> seen = call.join();
      if (seen.isEmpty()) {
        problems.add("member " + name + " at " + url + " showed no certificate (down, or not"
            + " https)");
      }
      for (ServedCertificate served : seen) {
        entries.add(CertificateEntry.of("served by " + name, url.toString(), served.leaf(),
            served.trustedCas(), now));
      }
    });
  }
}
