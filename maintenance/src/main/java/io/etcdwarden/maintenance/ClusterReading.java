package io.etcdwarden.maintenance;

import java.util.List;
import java.util.Optional;

/**
 * One reading of the whole cluster for maintenance: every listed member's report (sorted by
 * name), the quota the sizes are measured against, the revision compaction has reached, and the
 * alarms etcd holds (or why they could not be read).
 */
public record ClusterReading(List<MemberReport> members, long quotaBytes, long revision,
    long compactedRevision, List<AlarmEntry> alarms, String alarmError) {

  public ClusterReading {
    members = List.copyOf(members);
    alarms = List.copyOf(alarms);
  }

  /** The member that leads, if one that answered says it does. */
  public Optional<MemberReport> leader() {
    return members.stream().filter(MemberReport::leader).findFirst();
  }

  /** The member named {@code name} (or with that hex ID). */
  public Optional<MemberReport> member(String name) {
    return members.stream()
        .filter(m -> m.name().equals(name) || m.memberId().equals(name)).findFirst();
  }

  /** The largest DB file of any member that answered. */
  public long largestDbBytes() {
    return members.stream().mapToLong(MemberReport::dbSizeBytes).max().orElse(0);
  }
}
