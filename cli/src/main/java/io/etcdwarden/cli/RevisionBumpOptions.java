package io.etcdwarden.cli;

import io.etcdwarden.restore.RevisionBump;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --bump-revision N --mark-compacted} for restore: for etcd behind Kubernetes, whose API
 * servers must see revisions move forward after a restore ({@link RevisionBump}).
 */
final class RevisionBumpOptions {
  @Option(names = "--bump-revision", paramLabel = "N",
      description = "Start the restored member N revisions past the archive's (etcd 3.5+; with"
          + " --mark-compacted), so Kubernetes API servers' watch caches see revisions move"
          + " forward. 1000000000 is a common choice.")
  Long bumpRevision;
  @Option(names = "--mark-compacted",
      description = "Mark the revisions before the bumped one compacted (required with, and"
          + " only with, --bump-revision).")
  boolean markCompacted;

  Optional<RevisionBump> resolve() {
    return RevisionBump.of(bumpRevision, markCompacted);
  }
}
