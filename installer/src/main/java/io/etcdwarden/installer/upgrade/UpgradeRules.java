package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.core.version.EtcdVersion;
import java.util.Map;
import java.util.Optional;

/**
 * etcd's upgrade rules, applied to versions as values: one member moves to a newer patch of its
 * line or to the next minor line, never further and never back; a step to the next line needs
 * every member still on the old line at {@link EtcdLine#minimumPatchBeforeNextLine()} or later
 * (3.5.20 before 3.6); and no member may run an older line than the cluster version. Each
 * refusal is one line that says what to do instead.
 */
final class UpgradeRules {
  private UpgradeRules() {}

  /**
   * Why {@code member} may not move from the version it runs to {@code target}, or empty when
   * it may.
   *
   * @param members every member's name and the version it reports, this member included
   * @param cluster the cluster version etcd reports (MAJOR.MINOR.0)
   */
  public static Optional<String> refusal(String member, EtcdVersion target,
      Map<String, EtcdVersion> members, EtcdVersion cluster) {
    EtcdVersion now = members.get(member);
    if (now == null) {
      return Optional.of("member " + member + " is not in the cluster's member list");
    }
    EtcdLine from = now.line();
    EtcdLine to = target.line();
    EtcdLine clusterLine = cluster.line();
    for (Map.Entry<String, EtcdVersion> m : members.entrySet()) {
      if (m.getValue().line().compareTo(clusterLine) < 0) {
        return Optional.of("member " + m.getKey() + " runs " + m.getValue()
            + ", older than the cluster version " + clusterLine + "; upgrade it first");
      }
    }
    if (target.compareTo(now) < 0) {
      return Optional.of(member + " runs " + now + " and the new binaries are " + target
          + "; upgrade does not downgrade");
    }
    if (target.equals(now)) {
      return Optional.of(member + " already runs " + now + "; nothing to upgrade");
    }
    if (to == from) {
      return Optional.empty();
    }
    Optional<EtcdLine> next = from.next();
    if (next.isEmpty() || next.get() != to) {
      return Optional.of("one minor version at a time: " + member + " runs " + now
          + ", the next step is " + next.map(EtcdLine::toString).orElse("none") + ", not " + to);
    }
    int minimumPatch = from.minimumPatchBeforeNextLine();
    for (Map.Entry<String, EtcdVersion> m : members.entrySet()) {
      EtcdVersion v = m.getValue();
      if (v.line() == from && v.patch() < minimumPatch) {
        return Optional.of("etcd " + from + " upgrades to " + to + " only from " + from + "."
            + minimumPatch + " or later (etcd's rule): " + m.getKey() + " runs " + v
            + "; move every member to the newest " + from + " first");
      }
    }
    return Optional.empty();
  }
}
