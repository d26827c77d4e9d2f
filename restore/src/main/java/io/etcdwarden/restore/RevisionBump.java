package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.util.List;
import java.util.Optional;

/**
 * {@code restore --bump-revision N --mark-compacted}: the restored member starts N revisions
 * past the archive's and with everything before that marked compacted, so that Kubernetes API
 * servers (whose watch caches hold revisions) see revisions move forward and re-list instead of
 * missing or replaying events. Passed to {@code etcdutl snapshot restore} (3.5 on); etcd's rule
 * holds: one goes with the other.
 *
 * @param by how many revisions to add to the archive's
 */
public record RevisionBump(long by) {
  public RevisionBump {
    if (by < 1) {
      throw WardenException.badInput("--bump-revision must be 1 or more, got " + by);
    }
  }

  /**
   * The bump the operator asked for: none, or both options; one without the other is refused
   * in one line, as etcdutl would refuse it after the download.
   */
  public static Optional<RevisionBump> of(Long bumpRevision, boolean markCompacted) {
    if (bumpRevision == null && !markCompacted) {
      return Optional.empty();
    }
    if (bumpRevision == null || !markCompacted) {
      throw WardenException.badInput("--bump-revision N and --mark-compacted go together (etcd"
          + " marks the bumped revisions compacted so watchers re-list): give both or neither");
    }
    return Optional.of(new RevisionBump(bumpRevision));
  }

  /**
   * Refuses in one line when the member's etcd restores with a tool that lacks the options
   * (3.4's etcdctl), before anything is downloaded or changed.
   */
  public void requireSupportedBy(EtcdVersion version) {
    if (!version.line().restoreBumpsRevision()) {
      throw new WardenException("--bump-revision/--mark-compacted need etcdutl 3.5 or later;"
          + " etcd " + version + " restores with etcdctl " + version.line() + ", which has"
          + " neither; upgrade etcd first or restore without them; nothing was changed");
    }
  }

  /** The restore tool's arguments. */
  public List<String> arguments() {
    return List.of("--bump-revision", Long.toString(by), "--mark-compacted");
  }
}
