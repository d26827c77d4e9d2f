package io.etcdwarden.backup;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of re-reading one archive: empty {@code problems} means the archive matches its
 * {@code .sha256}, its {@code db} matches the manifest, and etcd's embedded hash holds (a charm
 * archive has no manifest, and its db need not carry the hash).
 *
 * @param summary one line on what the archive holds ({@link ArchiveContents#describe()}), empty
 *     when it could not be read
 */
public record Verification(String name, long archiveBytes, Optional<SnapshotManifest> manifest,
    List<String> problems, String summary) {
  public Verification {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
