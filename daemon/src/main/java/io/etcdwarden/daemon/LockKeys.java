package io.etcdwarden.daemon;

/**
 * The keys one kind of cluster-wide job uses with {@link SnapshotLock}: its lock, its last
 * served tick, who runs it now (under the lease) and where the record of its last run goes.
 */
record LockKeys(String lock, String lastTick, String running, String record) {
  /** The snapshot job's keys; the record is what {@code check_etcd_backup} reads. */
  static final LockKeys SNAPSHOT = new LockKeys(SnapshotLock.NAME, SnapshotLock.LAST_TICK,
      SnapshotLock.RUNNING, io.etcdwarden.checks.backup.LastRun.KEY);
}
