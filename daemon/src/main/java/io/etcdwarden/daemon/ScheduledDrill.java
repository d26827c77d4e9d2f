package io.etcdwarden.daemon;

import java.time.Duration;
import java.util.Optional;

/**
 * What the daemon runs on {@code backup.drill_schedule}: one restore drill of the newest
 * archive into a scratch member (the {@code snapshots drill} the operator runs, handed in by the
 * command that starts the daemon, since the restore module sits beside the daemon, not below).
 */
@FunctionalInterface
public interface ScheduledDrill {
  /** One drill; a drill that could not even start is a failed report, not an exception. */
  Report drill();

  /**
   * A drill's outcome: passed, one line on it, and the recovery times reached from its start
   * ({@code rto}: keys verified; {@code rtoHealthy}: the restored member healthy).
   */
  record Report(boolean passed, String line, Optional<Duration> rto,
      Optional<Duration> rtoHealthy) {}
}
