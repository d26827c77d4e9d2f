package io.etcdwarden.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A restore that finished and was verified: the member serves the archive's data as a new
 * one-member cluster. The old data dir is still at {@code keptDir}.
 */
public record RestoreResult(String member, Optional<DataDirBackup.Written> backup, Path keptDir,
    long oldClusterId, long newClusterId, long revision, long keys, String checks) {

  /**
   * The result as {@code restore} prints it, {@code key: value} lines: the backup of the old
   * data, where the old data dir is, the new cluster, what was verified and what to do next.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    backup.ifPresent(b -> {
      lines.add("backup.path: " + b.path());
      lines.add("backup.sha256sum: " + b.sha256());
    });
    lines.add("old.data: " + keptDir);
    lines.add("restored: member " + member + " is a new one-member cluster "
        + Long.toHexString(newClusterId) + " at revision " + revision + " with " + keys
        + " keys");
    lines.add("verified: " + checks);
    lines.add("next: " + nextStep());
    return lines;
  }

  /** What to do next, in the operator's words. */
  public String nextStep() {
    return "scale out again with: etcd-warden member add --name NAME ... (one member at a time);"
        + " delete " + keptDir + " once the cluster is healthy";
  }
}
