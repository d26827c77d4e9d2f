package io.etcdwarden.daemon;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon's one timed wait, for the two places a job must let time pass rather than wait for
 * an event: the backoff between snapshot attempts ({@link SnapshotRetries}) and holding the lock
 * until an archive's second has passed ({@link BackupJob}). It waits on the monotonic clock
 * until its deadline, in one park unless woken early, and ends at once on an interrupt (the
 * daemon stopping), leaving the interrupt flag set.
 */
final class Pause {
  private Pause() {}

  /** Waits {@code length}; false when interrupted first. */
  static boolean of(Duration length) {
    long deadline = System.nanoTime() + length.toNanos();
    for (long left = length.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return true;
  }
}
