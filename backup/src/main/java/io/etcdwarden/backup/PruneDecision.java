package io.etcdwarden.backup;

/** What prune did (or, in a dry run, would do) with one archive, and why. */
public record PruneDecision(String name, PruneReason reason) {
  /** True unless the archive was (or would be) deleted. */
  public boolean kept() {
    return reason.kept();
  }
}
