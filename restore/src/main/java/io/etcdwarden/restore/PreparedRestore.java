package io.etcdwarden.restore;

/**
 * A restore that passed its preflight and changed nothing yet but what it staged: one member's
 * ({@link RestorePlan}) or one member's part of a cluster rebuild ({@link ClusterRebuildPlan}).
 * The operator reads {@link #render()} before saying yes; {@link #discard()} undoes the staging
 * and releases the member's restore lock.
 */
public interface PreparedRestore {
  /** The plan as the operator reads it before confirming. */
  String render();

  /** Removes what was staged and releases the lock; nothing else was changed. */
  void discard();
}
