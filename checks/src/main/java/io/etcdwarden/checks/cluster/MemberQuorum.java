package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.Range;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Condition 1: every member answers; voting members that answer without errors must be a
 * quorum (floor(n/2)+1) or the cluster is CRITICAL; any member down, learners, members that
 * have not started, or a member count other than {@code --expected-members} warn. Alarms are
 * not counted here: a member with an alarm still votes.
 */
final class MemberQuorum implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    List<MemberStatus> members = report.members();
    List<MemberStatus> voters = members.stream().filter(m -> !m.learner()).toList();
    long working = voters.stream().filter(MemberQuorum::working).count();
    int quorum = voters.size() / 2 + 1;
    Perfdata total = Perfdata.of("members", members.size(), "").bounded(0);
    Perfdata healthy = Perfdata.of("members_healthy", working, "")
        .with(new Thresholds(Optional.of(Range.of(voters.size() + ":")),
            Optional.of(Range.of(quorum + ":"))))
        .bounded(0, voters.size());
    List<CheckResult> results = new ArrayList<>();
    if (working < quorum) {
      results.add(CheckResult.of(State.CRITICAL, "quorum lost: " + working + " of "
          + voters.size() + " voting members working, " + quorum + " needed"));
    }
    List<MemberStatus> down = members.stream().filter(m -> !m.reachable()).toList();
    if (!down.isEmpty()) {
      results.add(CheckResult.of(State.WARNING, down.size() + " of " + members.size()
          + " members down (" + names(down) + ")"));
    }
    List<MemberStatus> learners = members.stream().filter(MemberStatus::learner).toList();
    if (!learners.isEmpty()) {
      results.add(CheckResult.of(State.WARNING, "learner members (" + names(learners) + ")"));
    }
    List<MemberStatus> unstarted = members.stream().filter(m -> m.name().isEmpty()
        && !m.memberId().isEmpty()).toList();
    if (!unstarted.isEmpty()) {
      results.add(CheckResult.of(State.WARNING, "members not started (" + names(unstarted)
          + ")"));
    }
    limits.expectedMembers().ifPresent(expected -> {
      if (expected != members.size()) {
        results.add(CheckResult.of(State.WARNING, members.size() + " members, expected "
            + expected));
      }
    });
    String summary = working + " of " + voters.size() + " voting members working";
    return new CheckResult(State.OK, summary, List.of(), List.of(total, healthy), results);
  }

  /** Answers and reports no errors; alarms are judged separately. */
  static boolean working(MemberStatus m) {
    return m.reachable() && m.errors().isEmpty();
  }

  static String names(List<MemberStatus> rows) {
    return rows.stream().map(MemberStatus::displayName).collect(Collectors.joining(", "));
  }
}
