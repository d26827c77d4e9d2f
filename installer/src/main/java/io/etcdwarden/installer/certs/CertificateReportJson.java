package io.etcdwarden.installer.certs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.etcdwarden.core.tls.CertificateDeadlines;

/**
 * {@code certs status --json}: the report as one JSON object (snake_case keys, times in ISO-8601
 * UTC) with the warning and critical marks, the overall urgency, every certificate and every
 * problem line. Pure: returns the text.
 */
public final class CertificateReportJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The report as pretty-printed JSON. */
  public String render(CertificateReport report) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /** The report as a JSON tree (what {@code certs status -w json} prints). */
  public ObjectNode document(CertificateReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("at", report.at().toString());
    root.put("warning_days", CertificateDeadlines.WARNING_DAYS);
    root.put("critical_days", CertificateDeadlines.CRITICAL_DAYS);
    root.put("overall", report.worst().name());
    ArrayNode certs = root.putArray("certificates");
    for (CertificateEntry e : report.entries()) {
      ObjectNode c = certs.addObject();
      c.put("role", e.role());
      c.put("where", e.where());
      c.put("subject", e.subject());
      e.sans().forEach(c.putArray("sans")::add);
      c.put("issuer", e.issuer());
      c.put("serial", e.serial());
      c.put("not_after", e.notAfter().toString());
      c.put("days_left", e.daysLeft());
      c.put("urgency", e.urgency().name());
      e.trustedCas().forEach(c.putArray("trusted_cas")::add);
    }
    report.problems().forEach(root.putArray("problems")::add);
    return root;
  }
}
