package io.etcdwarden.core.cluster;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.cluster.MemberListResponse;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.AlarmResponse;
import io.etcd.jetcd.maintenance.AlarmType;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Asks a cluster who its members are and then asks every member, in parallel and each with the
 * target's deadline, for its own status. Membership is not liveness (a stopped member is still
 * listed as started), so each listed member is asked directly; a member that does not answer
 * costs one deadline, not one per member. When no endpoint can list the members, each endpoint
 * that was asked becomes a row with its own reason.
 */
public final class ClusterSurvey {
  private final EtcdClients clients;
  private final EtcdTarget target;
  private final Clock clock;

  public ClusterSurvey(EtcdClients clients, EtcdTarget target, Clock clock) {
    this.clients = clients;
    this.target = target;
    this.clock = clock;
  }

  /** Surveys the cluster; never throws for an unreachable member, only reports it. */
  public ClusterReport survey() {
    Instant takenAt = clock.instant();
    long deadline = System.nanoTime() + target.timeout().toNanos();
    Client client = clients.cluster();
    CompletableFuture<MemberListResponse> listing =
        deadlined(client.getClusterClient().listMember());
    CompletableFuture<AlarmResponse> alarming =
        deadlined(client.getMaintenanceClient().listAlarms());
    MemberListResponse list;
    try {
      list = await(listing, deadline);
    } catch (ExecutionException e) {
      return new ClusterReport(takenAt, "", surveyEndpoints());
    }
    // Status calls go out at once, each with a full deadline of its own; alarms go through raft
    // and may stall during an election, so they are awaited only after the calls are in flight.
    long statusDeadline = System.nanoTime() + target.timeout().toNanos();
    List<Probe> probes = new ArrayList<>();
    for (Member member : list.getMembers()) {
      probes.add(new Probe(member, member.getClientURIs().isEmpty() ? null
          : status(member.getClientURIs().get(0))));
    }
    Alarms alarms = alarmsByMember(alarming, statusDeadline);
    List<MemberStatus> rows = new ArrayList<>();
    for (Probe probe : probes) {
      rows.add(probe.finish(statusDeadline,
          alarms.byMember().getOrDefault(probe.member.getId(), List.of())));
    }
    rows.sort(java.util.Comparator.comparing(MemberStatus::displayName));
    return new ClusterReport(takenAt, hex(list.getHeader().getClusterId()), rows, alarms.error());
  }

  /** No member list: report every endpoint that was asked, each with its own reason. */
  private List<MemberStatus> surveyEndpoints() {
    long deadline = System.nanoTime() + target.timeout().toNanos();
    List<URI> endpoints = target.endpoints();
    List<CompletableFuture<Answer>> calls = endpoints.stream().map(this::status).toList();
    List<MemberStatus> rows = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      URI endpoint = endpoints.get(i);
      try {
        Answer answer = await(calls.get(i), deadline);
        rows.add(fromStatus("", endpoint.toString(), false, answer, List.of()));
      } catch (ExecutionException e) {
        rows.add(MemberStatus.unreachable("", "", endpoint.toString(), false,
            EtcdClients.explain(e.getCause(), endpoint, target).getMessage()));
      }
    }
    return rows;
  }

  private Alarms alarmsByMember(CompletableFuture<AlarmResponse> alarming, long deadline) {
    try {
      return new Alarms(await(alarming, deadline).getAlarms().stream().collect(
          Collectors.groupingBy(AlarmMember::getMemberId,
              Collectors.mapping(a -> alarmName(a.getAlarmType()), Collectors.toList()))), "");
    } catch (ExecutionException e) {
      // Alarms go through raft; without quorum they cannot be read: the report says so.
      return new Alarms(Map.of(), "alarm list not readable: "
          + EtcdClients.explain(e.getCause(), null, target).getMessage());
    }
  }

  /**
   * jetcd 0.8 knows NONE and NOSPACE only; etcd 3.4's one other alarm, CORRUPT (2), arrives as
   * UNRECOGNIZED.
   */
  static String alarmName(AlarmType type) {
    return type == AlarmType.UNRECOGNIZED ? "CORRUPT" : type.name();
  }

  private CompletableFuture<Answer> status(URI endpoint) {
    long started = System.nanoTime();
    return deadlined(clients.cluster().getMaintenanceClient().statusMember(endpoint.toString()))
        .thenApply(status -> new Answer(status,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  private <T> CompletableFuture<T> deadlined(CompletableFuture<T> call) {
    return call.orTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static <T> T await(CompletableFuture<T> call, long deadlineNanos)
      throws ExecutionException {
    try {
      long left = Math.max(1, deadlineNanos - System.nanoTime());
      return call.get(left, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ExecutionException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutionException(e);
    }
  }

  private static MemberStatus fromStatus(String name, String url, boolean learner,
      Answer answer, List<String> alarms) {
    StatusResponse s = answer.status();
    return new MemberStatus(name, hex(s.getHeader().getMemberId()), url, true,
        s.getLeader() != 0 && s.getLeader() == s.getHeader().getMemberId(),
        learner || s.isLearner(), s.getLeader() == 0 ? "" : hex(s.getLeader()), s.getVersion(),
        s.getDbSize(), s.getDbSizeInUse(), s.getRaftTerm(), s.getRaftIndex(),
        s.getRaftAppliedIndex(), alarms, s.getErrorList(), answer.rttMillis());
  }

  static String hex(long id) {
    return Long.toHexString(id);
  }

  /** The alarms per member ID, or why they could not be read. */
  private record Alarms(Map<Long, List<String>> byMember, String error) {}

  /** A member's status and the round trip it took. */
  private record Answer(StatusResponse status, long rttMillis) {}

  /** One member's pending status call. */
  private final class Probe {
    private final Member member;
    private final CompletableFuture<Answer> call;

    Probe(Member member, CompletableFuture<Answer> call) {
      this.member = member;
      this.call = call;
    }

    MemberStatus finish(long deadline, List<String> alarms) {
      String id = hex(member.getId());
      if (call == null) {
        return MemberStatus.unreachable(member.getName(), id, "", member.isLearner(),
            "member has not started yet (no client URL)");
      }
      URI url = member.getClientURIs().get(0);
      try {
        return fromStatus(member.getName(), url.toString(), member.isLearner(),
            await(call, deadline), alarms);
      } catch (ExecutionException e) {
        return MemberStatus.unreachable(member.getName(), id, url.toString(),
            member.isLearner(), EtcdClients.explain(e.getCause(), url, target).getMessage());
      }
    }
  }
}
