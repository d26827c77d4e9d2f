package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.Check;
import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code check_etcd_cluster}: judges one {@link ClusterReport} by membership and quorum,
 * leadership, alarms and member errors, DB size against the quota, fragmentation, apply lag,
 * version skew and round-trip time, plus any extra conditions (certificate expiry, leader
 * changes) the caller adds. The root result carries the command that treats what was found
 * (when maintenance can) and one detail line per member; its summary is
 * the problems of the worst state, or a short all-clear.
 */
public final class ClusterCheck implements Check {
  private static final List<ClusterCondition> CONDITIONS = List.of(new MemberQuorum(),
      new Leadership(), new Alarms(), new DbQuota(), new Fragmentation(), new ApplyLag(),
      new VersionSkew(), new RoundTrip());

  private final Supplier<ClusterReport> survey;
  private final ClusterThresholds limits;
  private final List<ExtraCondition> extras;

  public ClusterCheck(Supplier<ClusterReport> survey, ClusterThresholds limits,
      List<ExtraCondition> extras) {
    this.survey = survey;
    this.limits = limits;
    this.extras = List.copyOf(extras);
  }

  @Override
  public String serviceName() {
    return "ETCD_CLUSTER";
  }

  @Override
  public CheckResult run() {
    return evaluate(survey.get(), limits, extras);
  }

  /** The whole verdict over one report; pure apart from what the extras read. */
  public static CheckResult evaluate(ClusterReport report, ClusterThresholds limits,
      List<ExtraCondition> extras) {
    List<CheckResult> children = new ArrayList<>();
    for (ClusterCondition condition : CONDITIONS) {
      children.add(condition.evaluate(report, limits));
    }
    for (ExtraCondition extra : extras) {
      children.add(extra.evaluate(report));
    }
    List<String> lines = new ArrayList<>();
    Treatment.of(report, limits).ifPresent(lines::add);
    report.members().stream().map(MemberLine::render).forEach(lines::add);
    CheckResult tree = new CheckResult(State.OK, "", lines, List.of(), children);
    return new CheckResult(State.OK, summary(tree, children), lines, List.of(), children);
  }

  private static String summary(CheckResult tree, List<CheckResult> children) {
    State overall = tree.overall();
    if (overall == State.OK) {
      // membership, leadership and DB size say most in one line
      return children.get(0).summary() + ", " + children.get(1).summary() + ", "
          + children.get(3).summary();
    }
    List<String> problems = new ArrayList<>(tree.summariesIn(overall));
    for (State lesser : List.of(State.CRITICAL, State.WARNING, State.UNKNOWN)) {
      if (lesser != overall) {
        problems.addAll(tree.summariesIn(lesser));
      }
    }
    return String.join("; ", problems);
  }
}
