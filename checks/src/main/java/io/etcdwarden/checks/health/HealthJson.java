package io.etcdwarden.checks.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ClusterReport} as JSON for machines. Field names are part of our interface:
 * keep them stable. IDs are hex strings (etcd's IDs are unsigned 64-bit), sizes are bytes.
 */
public final class HealthJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HealthJson() {}

  public static String render(ClusterReport report) {
    try {
      return MAPPER.writeValueAsString(document(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report as the map {@link #render} serialises (what {@code health -w json} prints). */
  public static Map<String, Object> document(ClusterReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("healthy", report.healthy());
    root.put("summary", report.summary());
    root.put("cluster_id", report.clusterId());
    root.put("leader", report.agreedLeader().orElse(null));
    root.put("taken_at", report.takenAt().toString());
    root.put("members", report.members().stream().map(HealthJson::member).toList());
    return root;
  }

  private static Map<String, Object> member(MemberStatus m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", m.name());
    row.put("id", m.memberId());
    row.put("client_url", m.clientUrl());
    row.put("healthy", m.healthy());
    row.put("reachable", m.reachable());
    row.put("leader", m.leader());
    row.put("learner", m.learner());
    row.put("leader_id", m.leaderId());
    row.put("version", m.version());
    row.put("db_size_bytes", m.dbSizeBytes());
    row.put("db_size_in_use_bytes", m.dbSizeInUseBytes());
    row.put("raft_term", m.raftTerm());
    row.put("raft_index", m.raftIndex());
    row.put("raft_applied_index", m.raftAppliedIndex());
    row.put("alarms", m.alarms());
    row.put("errors", List.copyOf(m.errors()));
    row.put("rtt_ms", m.rttMillis());
    return row;
  }
}
