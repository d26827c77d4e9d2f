package io.etcdwarden.maintenance;

import io.etcdwarden.core.output.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alarm list} as an operator reads it: one line per alarm ({@code NOSPACE on etcd1}) or
 * "no alarms", or the document {@code {"alarms": [{"member", "member_id", "type"}]}}, etcd's
 * alarm types by name (NOSPACE, CORRUPT), member IDs as hex strings.
 */
public final class AlarmListView implements Printable {
  private final List<AlarmEntry> alarms;

  AlarmListView(List<AlarmEntry> alarms) {
    this.alarms = List.copyOf(alarms);
  }

  /** The alarms etcd reports now, through {@code desk}. */
  public static AlarmListView of(AlarmDesk desk) {
    return new AlarmListView(desk.list());
  }

  @Override
  public String table() {
    if (alarms.isEmpty()) {
      return "no alarms\n";
    }
    StringBuilder out = new StringBuilder();
    alarms.forEach(a -> out.append(a.describe()).append('\n'));
    return out.toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("alarms", alarms.stream().map(a -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("member", a.memberName());
      row.put("member_id", a.memberId());
      row.put("type", a.type());
      return row;
    }).toList());
    return root;
  }
}
