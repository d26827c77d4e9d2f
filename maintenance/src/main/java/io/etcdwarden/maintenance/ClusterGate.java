package io.etcdwarden.maintenance;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The gate before and after each step of a maintenance run: every voting member answers, one
 * leader, no alarm but (when recovering) NOSPACE, and every member has applied at least what the
 * leader had when the gate was first asked. Polls until that holds or {@code wait} runs out, then
 * says which member is not ready and why.
 */
final class ClusterGate {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private final ClusterReader reader;
  private final long quotaBytes;
  private final boolean allowNospace;

  ClusterGate(ClusterReader reader, long quotaBytes, boolean allowNospace) {
    this.reader = reader;
    this.quotaBytes = quotaBytes;
    this.allowNospace = allowNospace;
  }

  /** A reading of a ready cluster, or a refusal (retryable) naming what is not ready. */
  ClusterReading ready(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long target = -1;
    String problem;
    ClusterReading reading;
    do {
      reading = reader.read(quotaBytes, false);
      Optional<String> unfit = unfit(reading);
      if (unfit.isEmpty() && target < 0) {
        target = reading.leader().orElseThrow().raftIndex();
      }
      problem = unfit.isPresent() ? unfit.get() : lagging(reading, target);
      if (problem.isEmpty()) {
        return reading;
      }
      LockSupport.parkNanos(POLL_NANOS);
    } while (System.nanoTime() < deadline);
    throw WardenException.retryable(problem + " (waited " + wait.toMillis() + " ms)", null);
  }

  private Optional<String> unfit(ClusterReading reading) {
    boolean onlyNospace = allowNospace
        && reading.alarms().stream().allMatch(a -> a.type().equals("NOSPACE"));
    if (!reading.alarmError().isEmpty()) {
      return Optional.of(reading.alarmError());
    }
    if (!onlyNospace && !reading.alarms().isEmpty()) {
      return Optional.of("alarm " + String.join(", ",
          reading.alarms().stream().map(AlarmEntry::describe).toList()) + " is active");
    }
    for (MemberReport m : reading.members()) {
      if (!m.reachable()) {
        return Optional.of("member " + m.displayName() + " does not answer: " + m.error());
      }
      if (!m.error().isEmpty() && !onlyNospace) {
        return Optional.of("member " + m.displayName() + " reports: " + m.error());
      }
    }
    List<MemberReport> leaders = reading.members().stream().filter(MemberReport::leader).toList();
    if (leaders.size() != 1) {
      return Optional.of("the cluster has " + (leaders.isEmpty() ? "no leader" : "two leaders"));
    }
    return Optional.empty();
  }

  private static String lagging(ClusterReading reading, long leaderIndex) {
    return reading.members().stream().filter(m -> m.appliedIndex() < leaderIndex).findFirst()
        .map(m -> "member " + m.displayName() + " has applied raft index " + m.appliedIndex()
            + ", not yet the leader's " + leaderIndex)
        .orElse("");
  }
}
