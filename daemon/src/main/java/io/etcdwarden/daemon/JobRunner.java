package io.etcdwarden.daemon;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job body and books its outcome in the history, the metrics and the log. A job never
 * lets an exception reach Quartz (which would only log it): an operator's problem is one line,
 * a bug is logged with its stack trace, and both count as failures. A run that reports the same
 * state as the last one logged is logged at debug level only. It also knows whether any
 * job is running, so that a stopping daemon can wait for it ({@link #awaitIdle}).
 */
final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(WardenDaemon.class);

  private final JobHistory history;
  private final DaemonMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int running;
  private final StateChanges states = new StateChanges();

  JobRunner(JobHistory history, DaemonMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
  }

  void run(String job, Supplier<JobResult> body) {
    lock.lock();
    try {
      running++;
    } finally {
      lock.unlock();
    }
    try {
      book(job, body);
    } finally {
      lock.lock();
      try {
        if (--running == 0) {
          idle.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Runs a scheduled job that streams (a snapshot, a drill, a defrag), then collects the heap in
   * full ({@code System.gc()}; the serial collector here). Such a run pushes hundreds of MiB
   * through a small young generation; what survived a few young collections mid-stream stays in
   * the old generation as garbage until a full collection, which nothing else triggers before
   * the heap cap: the daemon stayed at ~170 MiB resident after snapshotting a 286 MiB member, 119
   * with this. A full collection of a heap this size takes tens of milliseconds, and the
   * launcher's heap-free ratios hand the emptied space back to the system.
   */
  void runAndCollect(String job, Supplier<JobResult> body) {
    try {
      run(job, body);
    } finally {
      System.gc();
    }
  }

  /** Waits until no job runs, at most {@code grace}; true when idle. */
  boolean awaitIdle(Duration grace) {
    long left = grace.toNanos();
    lock.lock();
    try {
      while (running > 0 && left > 0) {
        left = idle.awaitNanos(left);
      }
      return running == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return running == 0;
    } finally {
      lock.unlock();
    }
  }

  private void book(String job, Supplier<JobResult> body) {
    history.started(job);
    JobResult result;
    try {
      result = body.get();
    } catch (WardenException e) {
      result = new JobResult(JobHistory.Outcome.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} job failed with a bug", job, e);
      result = new JobResult(JobHistory.Outcome.FAILED, "internal error: " + e);
    }
    history.ended(job, result.outcome(), result.line());
    metrics.ran(job, result.outcome());
    if (result.outcome() == JobHistory.Outcome.FAILED) {
      states.failed(job);
      LOG.warn("{} failed: {}", job, result.line());
    } else if (!states.changed(job, result.state())) {
      LOG.debug("{} {}: {}", job, result.outcome().name().toLowerCase(java.util.Locale.ROOT),
          result.line());
    } else {
      LOG.info("{} {}: {}", job, result.outcome().name().toLowerCase(java.util.Locale.ROOT),
          result.line());
    }
  }
}
