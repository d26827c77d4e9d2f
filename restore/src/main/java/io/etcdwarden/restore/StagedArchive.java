package io.etcdwarden.restore;

import io.etcdwarden.backup.SnapshotManifest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An archive downloaded once and checked: its {@code db} written to {@code dbFile} beside the
 * data dir, with what the stream proved. {@code manifest} is empty for a charm archive (a bare
 * {@code ./db}); {@code etcdHashValid} false means the restore tool needs {@code
 * --skip-hash-check} (a raw copy of {@code member/snap/db} has no hash appended).
 *
 * @param keyCount the manifest's {@code key_count}, when the archiver recorded one
 * @param shaCheckedAgainst what the archive's sha256 matched ({@code NAME.sha256} or {@code
 *     --sha256}); empty when there was nothing to check it against
 */
record StagedArchive(String name, Path dbFile, Optional<SnapshotManifest> manifest,
    OptionalLong keyCount, String archiveSha256, String dbSha256, long dbSize,
    boolean etcdHashValid, String shaCheckedAgainst) {

  /** The same, noting what the archive's sha256 was checked against (empty: nothing). */
  StagedArchive checkedAgainst(String origin) {
    return new StagedArchive(name, dbFile, manifest, keyCount, archiveSha256, dbSha256, dbSize,
        etcdHashValid, origin);
  }

  /** One line on the archive's sha256, for the plan. */
  public String describeSha() {
    return "sha256 " + archiveSha256 + (shaCheckedAgainst.isEmpty()
        ? " (no .sha256 beside it and no --sha256 given: not checked against a record)"
        : " matches " + shaCheckedAgainst);
  }


  /** Whether the restore tool must skip its hash check: the db carries no valid hash. */
  public boolean skipHashCheck() {
    return !etcdHashValid;
  }

  /** One line saying what kind of archive this is, for the plan. */
  public String describe() {
    if (manifest.isPresent()) {
      SnapshotManifest m = manifest.get();
      return "etcd-warden archive: revision " + m.revision() + ", db " + dbSize
          + " bytes, taken " + m.createdAt() + " from " + m.memberName() + " (etcd "
          + m.etcdVersion() + ", cluster " + m.clusterId() + ")";
    }
    return "archive without manifest (Juju charm format): db " + dbSize + " bytes, "
        + (etcdHashValid ? "ends with etcd's hash" : "the archive carried no hash: restored"
        + " with --skip-hash-check");
  }
}
