package io.etcdwarden.restore;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A restore that finished and was verified: the member serves the archive's data as a new
 * one-member cluster. The old data dir is still at {@code keptDir}.
 */
public record RestoreResult(String member, Optional<DataDirBackup.Written> backup, Path keptDir,
    long oldClusterId, long newClusterId, long revision, long keys, String checks) {

  /** What to do next, in the operator's words. */
  public String nextStep() {
    return "scale out again with: etcd-warden member add --name NAME ... (one member at a time);"
        + " delete " + keptDir + " once the cluster is healthy";
  }
}
