package io.etcdwarden.daemon;

import io.etcdwarden.core.WardenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a scheduled snapshot again when it failed for a reason that may pass ({@link
 * WardenException#retryable()}: an unreachable member or store, a broken stream), a few times
 * within its tick: at most {@link #ATTEMPTS} attempts, waiting {@link #FIRST_BACKOFF} and then
 * twice as long before each next one, and never one that would start at or after the next tick
 * (that tick gets its own run). A failure that is not retryable, such as a full volume or a
 * refused archive name, ends the run at once. Each retry is counted in the metrics and logged;
 * the run's line in the history says which attempt succeeded. An interrupt (the daemon
 * stopping) ends the wait and the run with the last failure.
 */
final class SnapshotRetries {
  static final int ATTEMPTS = 3;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotRetries.class);

  private final Clock clock;
  private final DaemonMetrics metrics;

  SnapshotRetries(Clock clock, DaemonMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
  }

  /** What an attempt returned, and which attempt (1 for the first) it was. */
  record Tried<T>(T value, int attempt) {
    /** Empty for a first-time success, else " (attempt N of M)" for the history's line. */
    String note() {
      return attempt == 1 ? "" : " (attempt " + attempt + " of " + ATTEMPTS + ")";
    }
  }

  /** Runs {@code attempt} until it succeeds or may not be retried; {@code nextTick} bounds it. */
  <T> Tried<T> run(Supplier<T> attempt, Instant nextTick) {
    Duration backoff = FIRST_BACKOFF;
    for (int n = 1; ; n++) {
      try {
        return new Tried<>(attempt.get(), n);
      } catch (WardenException e) {
        Instant again = clock.instant().plus(backoff);
        if (!e.retryable() || n == ATTEMPTS || !again.isBefore(nextTick)) {
          throw e;
        }
        LOG.info("snapshot attempt {} of {} failed, again in {} s: {}", n, ATTEMPTS,
            backoff.toSeconds(), e.getMessage());
        metrics.snapshotRetried();
        if (!Pause.of(backoff)) {
          throw e;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
  }
}
