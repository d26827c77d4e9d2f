package io.etcdwarden.maintenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ClusterReading} as an operator reads it: a table with one row per member, or JSON
 * with the same numbers (sizes in bytes, percentages with one decimal). Pure: returns text.
 */
public final class StatusView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusView() {}

  /** The table, then the revision line and the alarms. */
  public static List<String> lines(ClusterReading r) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-12s %-7s %10s %10s %6s %7s %s", "MEMBER", "ROLE",
        "DB", "IN USE", "FRAG", "QUOTA", "ALARMS"));
    for (MemberReport m : r.members()) {
      if (!m.reachable()) {
        lines.add(String.format(Locale.ROOT, "%-12s %-7s %s", m.displayName(), "-",
            "unreachable: " + m.error()));
        continue;
      }
      lines.add(String.format(Locale.ROOT, "%-12s %-7s %10s %10s %5.1f%% %6.1f%% %s",
          m.displayName(), m.leader() ? "leader" : m.learner() ? "learner" : "follower",
          Sizes.human(m.dbSizeBytes()), Sizes.human(m.dbInUseBytes()),
          m.fragmentationPercent(), m.quotaPercent(r.quotaBytes()),
          m.alarms().isEmpty() ? "-" : String.join(",", m.alarms())));
    }
    lines.add("revision " + r.revision() + ", compacted revision " + r.compactedRevision()
        + ", quota " + Sizes.human(r.quotaBytes()));
    if (!r.alarmError().isEmpty()) {
      lines.add(r.alarmError());
    }
    return lines;
  }

  /** The same reading as one JSON document. */
  public static String json(ClusterReading r) {
    return document(r).toString();
  }

  /** The same reading as a JSON tree (what {@code maintenance status -w json} prints). */
  public static ObjectNode document(ClusterReading r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("revision", r.revision());
    root.put("compacted_revision", r.compactedRevision());
    root.put("quota_bytes", r.quotaBytes());
    ArrayNode members = root.putArray("members");
    for (MemberReport m : r.members()) {
      ObjectNode n = members.addObject();
      n.put("name", m.name());
      n.put("id", m.memberId());
      n.put("client_url", m.clientUrl());
      n.put("reachable", m.reachable());
      n.put("leader", m.leader());
      n.put("learner", m.learner());
      n.put("db_size_bytes", m.dbSizeBytes());
      n.put("db_in_use_bytes", m.dbInUseBytes());
      n.put("fragmentation_percent", round(m.fragmentationPercent()));
      n.put("quota_percent", round(m.quotaPercent(r.quotaBytes())));
      n.put("revision", m.revision());
      n.put("raft_applied_index", m.appliedIndex());
      m.alarms().forEach(n.putArray("alarms")::add);
      if (!m.error().isEmpty()) {
        n.put("error", m.error());
      }
    }
    ArrayNode alarms = root.putArray("alarms");
    r.alarms().forEach(a -> alarms.addObject().put("member", a.memberName())
        .put("member_id", a.memberId()).put("type", a.type()));
    return root;
  }

  private static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
  }
}
