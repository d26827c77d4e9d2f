package io.etcdwarden.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A restore that passed every preflight check, with the numbered steps it will take. Nothing
 * has changed yet except the staged {@code db} beside the data dir; {@link #discard()} removes
 * it and releases the member's restore lock (a dry run, or an operator who says no).
 *
 * @param oldClusterId the cluster ID the member serves now, which the restore must change
 * @param token the new {@code initial-cluster-token}
 * @param restoredDir where the restore tool writes, beside the data dir
 * @param keptDir where the old data dir is moved and kept
 * @param backupFile the {@code .tar.gz} of the old data dir; empty with {@code --skip-backup}
 * @param lock this member's restore lock, held until the restore ends or the plan is discarded
 * @param bump the revision bump the restore tool applies; empty: the archive's revision stays
 */
public record RestorePlan(MemberOnHost member, String source, StagedArchive archive,
    long oldClusterId, String token, Path restoredDir, Path keptDir, Optional<Path> backupFile,
    List<String> restoreCommand, String serviceMode, RestoreLock lock,
    Optional<RevisionBump> bump) implements StagedPlan {

  /** A plan without a revision bump. */
  public RestorePlan(MemberOnHost member, String source, StagedArchive archive,
      long oldClusterId, String token, Path restoredDir, Path keptDir, Optional<Path> backupFile,
      List<String> restoreCommand, String serviceMode, RestoreLock lock) {
    this(member, source, archive, oldClusterId, token, restoredDir, keptDir, backupFile,
        restoreCommand, serviceMode, lock, Optional.empty());
  }

  /** The steps, numbered, as printed before anything changes. */
  public List<String> steps() {
    List<String> steps = new ArrayList<>();
    steps.add("restore the verified db into " + restoredDir + " (the member keeps running):\n"
        + "     " + String.join(" ", restoreCommand));
    steps.add(oldClusterId == 0 ? "member " + member.name() + " is not running (you vouched"
        + " that it is the only member); make sure it stays stopped"
        : "stop member " + member.name() + " (" + serviceMode + ")");
    steps.add(backupFile.map(f -> "back up " + member.dataDir() + " to " + f + " (+ .sha256)")
        .orElse("no backup archive (--skip-backup); the old data dir is still kept"));
    steps.add("move " + member.dataDir() + " to " + keptDir + " (kept) and " + restoredDir
        + " to " + member.dataDir());
    steps.add("start member " + member.name() + " and wait for /health");
    steps.add("verify: healthy, one member, " + (oldClusterId == 0 ? "a new cluster ID"
        : "cluster ID no longer " + Long.toHexString(oldClusterId)) + archive.manifest().map(m -> ", revision "
        + m.revision()).orElse("") + bump.map(b -> " + " + b.by() + " (bumped; older revisions"
        + " compacted)").orElse("") + (archive.keyCount().isPresent() ? ", "
        + archive.keyCount().getAsLong() + " keys" : ""));
    steps.add("on any failure after step 2: stop, put " + keptDir + " back, start the old"
        + " member, and say so");
    return steps;
  }

  /** The whole plan as text: what, from where, into which member, then the steps. */
  @Override
  public String render() {
    StringBuilder text = heading("Restore plan");
    text.append("  data dir: ").append(member.dataDir()).append('\n');
    int n = 1;
    for (String step : steps()) {
      text.append(String.format("%3d. %s%n", n++, step));
    }
    return text.toString();
  }
}
