package io.etcdwarden.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * The {@code snapshot} job as Quartz runs it: one {@link BackupJob} run for the tick Quartz
 * fired, never two at once. Interrupting it (on shutdown, past the grace period) interrupts the
 * running snapshot; the store's atomic publish means nothing half-written is ever listed.
 */
@DisallowConcurrentExecution
final class SnapshotJob implements InterruptableJob {
  private final BackupJob backup;
  private final JobRunner runner;
  private volatile Thread running;

  SnapshotJob(BackupJob backup, JobRunner runner) {
    this.backup = backup;
    this.runner = runner;
  }

  @Override
  public void execute(JobExecutionContext context) {
    running = Thread.currentThread();
    try {
      runner.run(WardenDaemon.SNAPSHOT, () -> backup.run(context.getScheduledFireTime()
          .toInstant()));
    } finally {
      running = null;
    }
  }

  @Override
  public void interrupt() {
    Thread t = running;
    if (t != null) {
      t.interrupt();
    }
  }
}
