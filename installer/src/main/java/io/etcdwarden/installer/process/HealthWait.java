package io.etcdwarden.installer.process;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.time.Duration;

/**
 * Waiting for a started etcd to report healthy: polls its plain-HTTP {@code /health} about
 * every 100 ms, fails at once (quoting the log) if etcd exits, and fails with the log's last
 * meaningful line once the timeout has passed. Monotonic time: a wall clock stepped by NTP must
 * not stretch or cut a start-up wait.
 */
final class HealthWait {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration MIN_PROBE_TIMEOUT = Duration.ofMillis(50);

  private HealthWait() {}

  static void untilHealthy(EtcdProcess etcd, URI healthUrl, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HealthProbe probe = new HealthProbe();
    try {
      while (true) {
        // Alive after the answer too: a "healthy" from a port etcd no longer holds must not count.
        if (probe.isHealthy(healthUrl, probeTimeout(deadline)) && etcd.isAlive()) {
          return;
        }
        if (!etcd.isAlive()) {
          throw exitedBeforeHealthy(etcd, healthUrl);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new WardenException(
              "etcd (pid " + etcd.pid() + ") did not report healthy at " + healthUrl + " within "
                  + EtcdProcess.describe(timeout) + "; last entry in " + etcd.logFile() + ": "
                  + new EtcdLogTail().lastMeaningfulLine(etcd.logFile()));
        }
        // Doubles as the pause between polls, and ends early if etcd exits meanwhile.
        etcd.waitForExit(Math.min(POLL_INTERVAL.toNanos(), remaining));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while waiting for etcd at " + healthUrl, e);
    }
  }

  private static WardenException exitedBeforeHealthy(EtcdProcess etcd, URI healthUrl) {
    return new WardenException(
        "etcd (pid " + etcd.pid() + ") exited with code "
            + (etcd.exitCode().isPresent() ? etcd.exitCode().getAsInt() : "unknown") + " before "
            + healthUrl + " reported healthy; from " + etcd.logFile() + ": "
            + new EtcdLogTail().lastMeaningfulLine(etcd.logFile()));
  }

  /** At most {@link #PROBE_TIMEOUT}, at most what is left, but never zero (which HTTP refuses). */
  private static Duration probeTimeout(long deadline) {
    long left = deadline - System.nanoTime();
    long nanos = Math.min(PROBE_TIMEOUT.toNanos(), left);
    return Duration.ofNanos(Math.max(MIN_PROBE_TIMEOUT.toNanos(), nanos));
  }
}
