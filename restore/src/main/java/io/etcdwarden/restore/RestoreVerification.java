package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import java.util.Optional;

/**
 * What proves a one-member restore worked, asked of the running member rather than read from
 * its files: the checks line the operator sees and the numbers {@link RestoreResult} carries.
 */
final class RestoreVerification {
  private RestoreVerification() {}

  /**
   * The restored member's answers, through etcd's API, against the plan: one member, a new
   * cluster ID, the manifest's revision (plus a bump) and key count; the first that differs
   * fails the restore (and so rolls it back).
   */
  static RestoreResult verify(RestorePlan plan, Optional<DataDirBackup.Written> backup) {
    MemberOnHost member = plan.member();
    long bumpedBy = plan.bump().map(RevisionBump::by).orElse(0L);
    long expectedRevision = plan.archive().manifest().map(m -> m.revision() + bumpedBy)
        .orElse(0L);
    // A bumped member serves nothing below its new revision (compacted): count at the current one.
    ClusterProbe.Survey survey = ClusterProbe.survey(member.target(Duration.ofSeconds(10)),
        bumpedBy > 0 ? 0 : expectedRevision);
    ClusterProbe.MemberList members = survey.membership();
    ClusterProbe.Contents contents = survey.contents();
    StringBuilder checks = new StringBuilder("healthy, 1 member");
    if (members.memberNames().size() != 1) {
      throw new WardenException("the restored cluster has " + members.memberNames().size()
          + " members, expected 1");
    }
    if (members.clusterId() == plan.oldClusterId()) {
      throw new WardenException("the cluster ID is still " + Long.toHexString(plan.oldClusterId())
          + ": the member did not start from the restored data");
    }
    checks.append(", cluster ID ").append(plan.oldClusterId() == 0 ? "(unknown: the member was"
        + " down)" : Long.toHexString(plan.oldClusterId())).append(" -> ")
        .append(Long.toHexString(members.clusterId()));
    if (plan.archive().manifest().isPresent()) {
      if (contents.revision() < expectedRevision) {
        throw new WardenException("the restored member is at revision " + contents.revision()
            + ", the manifest says " + expectedRevision);
      }
      checks.append(", revision ").append(bumpedBy > 0 ? contents.revision() + " (the manifest's"
          + " + " + bumpedBy + ")" : expectedRevision + " matches the manifest");
    }
    if (plan.archive().keyCount().isPresent()) {
      long expected = plan.archive().keyCount().getAsLong();
      if (contents.keys() != expected) {
        throw new WardenException("the restored member has " + contents.keys() + " keys at"
            + " revision " + expectedRevision + ", the manifest says " + expected);
      }
      checks.append(", ").append(expected).append(" keys match the manifest");
    } else {
      checks.append(", ").append(contents.keys()).append(" keys (the archive records no key"
          + " count to compare)");
    }
    return new RestoreResult(member.name(), backup, plan.keptDir(), plan.oldClusterId(),
        members.clusterId(), expectedRevision > 0 ? expectedRevision : contents.revision(),
        contents.keys(), checks.toString());
  }
}
