package io.etcdwarden.restore;

import java.nio.file.Path;
import java.util.List;

/**
 * One member's part of a cluster rebuild that passed every preflight check: the verified
 * archive staged beside the data dir, the full member list from the installed config, the token
 * every host derives alike, and the restore tool's command. Nothing else has changed yet;
 * {@link #discard()} removes the staged db and releases the member's restore lock.
 *
 * @param restoredDir where the restore tool writes before the result is renamed into place
 */
public record ClusterRebuildPlan(MemberOnHost member, RebuildMembers members, String source,
    StagedArchive archive, String token, Path restoredDir, List<String> restoreCommand,
    RestoreLock lock) implements StagedPlan {

  /** The plan as text: archive, member, the member list and token, then the steps. */
  @Override
  public String render() {
    StringBuilder text = heading("Cluster rebuild plan");
    text.append("  members: ").append(members.initialCluster()).append('\n');
    text.append("  token:   ").append(token).append(" (from the archive's sha256 and the"
        + " members: the same on every host)\n");
    text.append("  1. restore the verified db into ").append(restoredDir).append(":\n     ")
        .append(String.join(" ", restoreCommand)).append('\n');
    text.append("  2. move it to ").append(member.dataDir()).append(" and start member ")
        .append(member.name()).append('\n');
    text.append("  3. wait for a quorum of the ").append(members.names().size())
        .append(" members, then check that every member that runs reports the same cluster ID")
        .append(archive.manifest().map(m -> " and a revision >= " + m.revision()).orElse(""))
        .append('\n');
    return text.toString();
  }
}
