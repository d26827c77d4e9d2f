package io.etcdwarden.installer.certs;

import io.etcdwarden.core.tls.CertificateDeadlines.Urgency;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code certs status} found: every certificate, on disk and served, and every problem that
 * kept one from being seen (a file that could not be read, a member that did not answer), each
 * problem as one line naming the file or member.
 */
public record CertificateReport(Instant at, List<CertificateEntry> entries,
    List<String> problems) {
  public CertificateReport {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /** The most urgent of the certificates, OK for none. */
  public Urgency worst() {
    return entries.stream().map(CertificateEntry::urgency)
        .max(Comparator.naturalOrder()).orElse(Urgency.OK);
  }
}
