package io.etcdwarden.maintenance;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Defragments members one at a time so that the cluster keeps taking writes: followers first,
 * the leader last and only after leadership was moved to a caught-up follower; before and after
 * each member the {@link ClusterGate} must pass; a pause between members. Members the rule does
 * not select are skipped and said so. A failure stops the run with the member's name and what
 * was done so far; nothing is retried behind the operator's back.
 */
public final class RollingDefrag {
  private final EtcdClients clients;
  private final ClusterReader reader;

  public RollingDefrag(EtcdClients clients) {
    this.clients = clients;
    this.reader = new ClusterReader(clients);
  }

  /** Runs {@code request}; {@code progress} gets each line as it happens. */
  public DefragOutcome run(DefragRequest request, Consumer<String> progress) {
    ClusterGate gate = new ClusterGate(reader, request.quotaBytes(), request.allowNospace());
    ClusterReading first;
    try {
      first = gate.ready(request.readyWait());
    } catch (WardenException e) {
      throw new WardenException("defrag refused, nothing done: " + e.getMessage(), e);
    }
    List<String> order = order(first, request.members());
    List<String> done = new ArrayList<>();
    int defragmented = 0;
    for (int i = 0; i < order.size(); i++) {
      String name = order.get(i);
      try {
        ClusterReading now = i == 0 ? first : gate.ready(request.readyWait());
        MemberReport member = now.member(name).orElseThrow();
        if (!request.rule().selects(member, request.quotaBytes())) {
          report(done, progress, Sizes.line("skipped " + name + " (rule " + request.rule()
              .describe() + ")", member, request.quotaBytes()));
          continue;
        }
        if (member.leader()) {
          report(done, progress, new LeaderMove(clients, gate).moveAwayFrom(
              member, now, request.readyWait()));
          member = gate.ready(request.readyWait()).member(name).orElseThrow();
          if (member.leader()) {
            throw new WardenException("it leads again after leadership was moved away");
          }
        }
        long started = System.nanoTime();
        try (EtcdClients patient = patient(request.memberTimeout())) {
          Calls.await(patient.cluster().getMaintenanceClient().defragmentMember(
              member.clientUrl()), patient.target(), request.memberTimeout(),
              URI.create(member.clientUrl()));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        MemberReport after = gate.ready(request.readyWait()).member(name).orElseThrow();
        defragmented++;
        report(done, progress, "defragmented " + name + ": " + Sizes.human(member.dbSizeBytes())
            + " -> " + Sizes.human(after.dbSizeBytes()) + " in " + millis + " ms; caught up");
        if (i < order.size() - 1 && !request.pause().isZero()) {
          LockSupport.parkNanos(request.pause().toNanos());
        }
      } catch (WardenException e) {
        throw new WardenException("defrag stopped at " + name + ": " + e.getMessage()
            + "; done so far: " + (done.isEmpty() ? "nothing" : String.join("; ", done)), e);
      }
    }
    return new DefragOutcome(done, defragmented, order.size() - defragmented);
  }

  /**
   * Clients whose calls may take {@code memberTimeout}: every call of {@link #clients} carries
   * the target's timeout (a few seconds) as its deadline, and a large member's defrag takes
   * longer than that.
   */
  private EtcdClients patient(Duration memberTimeout) {
    return new EtcdClients(clients.target().withTimeout(memberTimeout));
  }

  private static void report(List<String> done, Consumer<String> progress, String line) {
    done.add(line);
    progress.accept(line);
  }

  /** The members to visit: followers by name, then the leader. */
  private static List<String> order(ClusterReading reading, List<String> asked) {
    for (String name : asked) {
      if (reading.member(name).isEmpty()) {
        throw WardenException.badInput("--member: no member named '" + name + "' (members: "
            + String.join(", ", reading.members().stream().map(MemberReport::displayName)
                .toList()) + ")");
      }
    }
    return reading.members().stream()
        .filter(m -> asked.isEmpty() || asked.contains(m.name()) || asked.contains(m.memberId()))
        .sorted(Comparator.comparing(MemberReport::leader)
            .thenComparing(MemberReport::displayName))
        .map(MemberReport::displayName).toList();
  }
}
