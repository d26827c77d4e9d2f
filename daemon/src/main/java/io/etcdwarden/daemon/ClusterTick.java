package io.etcdwarden.daemon;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The frame every cluster-wide scheduled job shares (snapshot, maintenance, drill): take the
 * job's lock, waiting up to three lock TTLs (a run that cannot is SKIPPED: the holder serves the
 * tick); serve the newest tick due at or before the later of now and the fire time, since a run
 * that waited or fired late must not serve a stale tick; skip a tick another daemon already
 * served; mark the run as this daemon's; then hand the body the held lock.
 */
final class ClusterTick {
  /** A job's work once it holds the lock for {@code tick}. */
  @FunctionalInterface
  interface Body {
    JobResult run(SnapshotLock lock, Instant tick, SnapshotLock.Served served);
  }

  private ClusterTick() {}

  /** Runs {@code body} for the tick {@code firedFor} stands for, or says why not. */
  static JobResult serve(String what, LockKeys keys, DaemonSettings settings,
      EtcdClients clients, EtcdClients waiting, CronSchedule schedule, Instant firedFor,
      Body body) {
    Duration wait = settings.daemon().lockTtl().multipliedBy(3);
    Optional<SnapshotLock> taken = SnapshotLock.acquire(keys, clients.cluster(),
        waiting.cluster(), settings.daemon().lockTtl(), wait, settings.target().timeout());
    if (taken.isEmpty()) {
      return new JobResult(JobHistory.Outcome.SKIPPED, what + " for " + firedFor + ": the lock"
          + " stayed taken for " + wait.toSeconds() + " s; its holder serves the tick");
    }
    try (SnapshotLock lock = taken.get()) {
      Instant now = settings.clock().instant();
      Instant tick = schedule.tickAtOrBefore(now.isAfter(firedFor) ? now : firedFor);
      SnapshotLock.Served served = lock.lastTick();
      if (served.tick().isPresent() && !served.tick().get().isBefore(tick)) {
        return new JobResult(JobHistory.Outcome.SKIPPED, "tick " + tick
            + " already served by another daemon");
      }
      lock.markRunning(settings.instance());
      return body.run(lock, tick, served);
    }
  }
}
