package io.etcdwarden.checks.warm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daemon's last survey as JSON on its loopback endpoint, and back. The survey (not a
 * verdict) travels, so {@code check_etcd_cluster} judges it with its own thresholds and its own
 * certificate and leader-change conditions; {@code takenAt} travels with it so the plugin can
 * tell how old it is, and the members' server certificates' expiry with it.
 */
public final class SurveyJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SurveyJson() {}

  /** The wire form: the report with its time as ISO-8601 text. */
  record Wire(String takenAt, String clusterId, List<MemberStatus> members,
      String alarmListError, Map<String, String> serverCertificatesNotAfter,
      List<String> endpoints) {}

  public static byte[] write(CachedSurvey survey) {
    ClusterReport report = survey.report();
    Map<String, String> expiry = new TreeMap<>();
    survey.serverExpiry().forEach((member, notAfter) -> expiry.put(member, notAfter.toString()));
    try {
      return JSON.writeValueAsBytes(new Wire(report.takenAt().toString(), report.clusterId(),
          report.members(), report.alarmListError(), expiry,
          survey.endpoints().stream().map(URI::toString).toList()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a survey as JSON", e);
    }
  }

  /** Reads what {@link #write} wrote; throws {@link IOException} on anything else. */
  public static CachedSurvey read(byte[] json) throws IOException {
    Wire wire = JSON.readValue(json, Wire.class);
    if (wire.takenAt() == null || wire.members() == null) {
      throw new IOException("not a survey: no takenAt or members");
    }
    try {
      Map<String, Instant> expiry = new TreeMap<>();
      if (wire.serverCertificatesNotAfter() != null) {
        wire.serverCertificatesNotAfter().forEach((m, t) -> expiry.put(m, Instant.parse(t)));
      }
      return new CachedSurvey(new ClusterReport(Instant.parse(wire.takenAt()),
          String.valueOf(wire.clusterId()), wire.members(),
          wire.alarmListError() == null ? "" : wire.alarmListError()), expiry,
          wire.endpoints() == null ? List.of()
              : wire.endpoints().stream().map(URI::create).toList());
    } catch (RuntimeException e) {
      throw new IOException("not a survey: " + e.getMessage(), e);
    }
  }
}
