package io.etcdwarden.maintenance;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.AlarmType;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a {@link ClusterReading}: the member list, then every member's own status in parallel
 * (each bounded by the target's deadline, so a dead member costs one deadline), the alarms and
 * the compacted revision. Reading works while etcd rejects writes (NOSPACE): it writes nothing.
 */
public final class ClusterReader {
  private final EtcdClients clients;
  private final EtcdTarget target;

  public ClusterReader(EtcdClients clients) {
    this.clients = clients;
    this.target = clients.target();
  }

  /** One reading, with sizes measured against {@code quotaBytes}. */
  public ClusterReading read(long quotaBytes) {
    return read(quotaBytes, true);
  }

  /**
   * As {@link #read(long)}; without {@code compaction} the compacted revision (about log2 of the
   * revision small reads) is left at 0, for the gate's frequent polls.
   */
  ClusterReading read(long quotaBytes, boolean compaction) {
    Client client = clients.cluster();
    List<Member> listed = Calls.await(client.getClusterClient().listMember(), target,
        "member list").getMembers();
    CompletableFuture<io.etcd.jetcd.maintenance.AlarmResponse> alarming = Calls.bounded(
        client.getMaintenanceClient().listAlarms(), target);
    List<CompletableFuture<StatusResponse>> calls = new ArrayList<>();
    for (Member m : listed) {
      calls.add(m.getClientURIs().isEmpty() ? null : Calls.bounded(
          client.getMaintenanceClient().statusMember(m.getClientURIs().get(0).toString()),
          target));
    }
    Map<Long, String> names = new HashMap<>();
    listed.forEach(m -> names.put(m.getId(), m.getName()));
    List<MemberReport> reports = new ArrayList<>();
    long revision = 0;
    for (int i = 0; i < listed.size(); i++) {
      MemberReport r = report(listed.get(i), calls.get(i));
      revision = Math.max(revision, r.revision());
      reports.add(r);
    }
    List<AlarmEntry> alarms = new ArrayList<>();
    String alarmError = "";
    try {
      for (AlarmMember a : Calls.await(alarming, target, "alarm list").getAlarms()) {
        alarms.add(new AlarmEntry(Long.toHexString(a.getMemberId()),
            names.getOrDefault(a.getMemberId(), ""), alarmName(a.getAlarmType())));
      }
    } catch (WardenException e) {
      alarmError = e.getMessage();
    }
    List<MemberReport> withAlarms = reports.stream().map(r -> withAlarms(r, alarms))
        .sorted(Comparator.comparing(MemberReport::displayName)).toList();
    long compacted = revision == 0 || !compaction ? 0 : CompactedRevision.find(client.getKVClient(), target,
        revision);
    return new ClusterReading(withAlarms, quotaBytes, revision, compacted, alarms, alarmError);
  }

  private MemberReport report(Member m, CompletableFuture<StatusResponse> call) {
    String id = Long.toHexString(m.getId());
    if (call == null) {
      return MemberReport.unreachable(m.getName(), id, "", m.isLearner(),
          "member has not started yet (no client URL)");
    }
    URI url = m.getClientURIs().get(0);
    try {
      StatusResponse s = Calls.await(call, target, url);
      return new MemberReport(m.getName(), id, url.toString(), true,
          s.getLeader() != 0 && s.getLeader() == s.getHeader().getMemberId(),
          m.isLearner() || s.isLearner(), s.getDbSize(), s.getDbSizeInUse(),
          s.getHeader().getRevision(), s.getRaftIndex(), s.getRaftAppliedIndex(), List.of(),
          String.join("; ", s.getErrorList()));
    } catch (WardenException e) {
      return MemberReport.unreachable(m.getName(), id, url.toString(), m.isLearner(),
          e.getMessage());
    }
  }

  private static MemberReport withAlarms(MemberReport r, List<AlarmEntry> alarms) {
    List<String> own = alarms.stream().filter(a -> a.memberId().equals(r.memberId()))
        .map(AlarmEntry::type).toList();
    return new MemberReport(r.name(), r.memberId(), r.clientUrl(), r.reachable(), r.leader(),
        r.learner(), r.dbSizeBytes(), r.dbInUseBytes(), r.revision(), r.raftIndex(),
        r.appliedIndex(), own, r.error());
  }

  /** jetcd knows NONE and NOSPACE; etcd's CORRUPT (2) arrives as UNRECOGNIZED. */
  static String alarmName(AlarmType type) {
    return type == AlarmType.UNRECOGNIZED ? "CORRUPT" : type.name();
  }
}
