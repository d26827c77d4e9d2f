package io.etcdwarden.installer.upgrade;

/**
 * The last preflight check of an upgrade: a recent verified archive of the cluster exists (or
 * is taken now). The installer does not read stores itself; the caller supplies the check from
 * the backup module (its {@code BackupGate}). It returns one line naming the archive, or throws a {@code
 * WardenException} whose message says what to do.
 */
@FunctionalInterface
public interface BackupRequirement {
  /** Checks (on a dry run: only describes what it would do); returns one line for the plan. */
  String require(boolean dryRun);
}
