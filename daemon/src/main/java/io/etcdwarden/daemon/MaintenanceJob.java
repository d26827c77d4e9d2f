package io.etcdwarden.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * The {@code maintenance} job as Quartz runs it: one {@link MaintenanceRun} for the tick Quartz
 * fired, never two at once. Interrupting it (on shutdown, past the grace period) interrupts the
 * running defrag between two calls; etcd finishes a member it already began.
 */
@DisallowConcurrentExecution
final class MaintenanceJob implements InterruptableJob {
  private final MaintenanceRun maintenance;
  private final JobRunner runner;
  private volatile Thread running;

  MaintenanceJob(MaintenanceRun maintenance, JobRunner runner) {
    this.maintenance = maintenance;
    this.runner = runner;
  }

  @Override
  public void execute(JobExecutionContext context) {
    running = Thread.currentThread();
    try {
      runner.run(WardenDaemon.MAINTENANCE, () -> maintenance.run(context.getScheduledFireTime()
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
