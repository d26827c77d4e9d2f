package io.etcdwarden.installer.certs;

import io.etcdwarden.core.tls.CertificateDeadlines;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code certs status} for a person: one line with the soonest expiry and the marks it is judged
 * against, then per certificate its urgency, role, subject, expiry, days left and where it was
 * found, with issuer, serial, SANs and (served only) the CAs the member trusts indented below;
 * problems last, one line each. Pure: returns the text.
 */
public final class CertificateReportText {
  /** The whole report as lines ending in a newline. */
  public String render(CertificateReport report) {
    StringBuilder out = new StringBuilder();
    Optional<CertificateEntry> soonest = report.entries().stream()
        .min(Comparator.comparing(CertificateEntry::notAfter));
    out.append(report.entries().size()).append(" certificates, ")
        .append(soonest.map(e -> "soonest expiry in " + e.daysLeft() + " days (" + e.role()
            + ")").orElse("none found"))
        .append("; warning under ").append(CertificateDeadlines.WARNING_DAYS)
        .append(" days, critical under ").append(CertificateDeadlines.CRITICAL_DAYS)
        .append(", overall ").append(report.worst()).append('\n');
    for (CertificateEntry e : report.entries()) {
      out.append(String.format("%-8s %s: %s, expires %s (%d days left), %s%n", e.urgency(),
          e.role(), e.subject(), e.notAfter(), e.daysLeft(), e.where()));
      out.append("         issuer ").append(e.issuer()).append(", serial ").append(e.serial())
          .append(e.sans().isEmpty() ? "" : ", SANs " + String.join(" ", e.sans()))
          .append('\n');
      if (!e.trustedCas().isEmpty()) {
        out.append("         trusts client certificates from: ")
            .append(String.join("; ", e.trustedCas())).append('\n');
      }
    }
    report.problems().forEach(p -> out.append("PROBLEM  ").append(p).append('\n'));
    return out.toString();
  }
}
