package io.etcdwarden.daemon;

import java.time.Instant;
import java.util.function.Function;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * A scheduled job as Quartz runs it ({@code snapshot}: a {@link BackupJob} run; {@code
 * maintenance}: a {@link MaintenanceRun}): one run for the tick Quartz fired, never two at once,
 * through the {@link JobRunner}. Interrupting it (on shutdown, past the grace period) interrupts
 * the running work: the store's atomic publish means nothing half-written is ever listed, and
 * a defrag stops between two members (etcd finishes a member it already began). The heap is
 * collected after each run ({@link JobRunner#runAndCollect}).
 */
@DisallowConcurrentExecution
final class TickJob implements InterruptableJob {
  private final String name;
  private final Function<Instant, JobResult> work;
  private final JobRunner runner;
  private volatile Thread running;

  TickJob(String name, Function<Instant, JobResult> work, JobRunner runner) {
    this.name = name;
    this.work = work;
    this.runner = runner;
  }

  @Override
  public void execute(JobExecutionContext context) {
    running = Thread.currentThread();
    try {
      runner.runAndCollect(name, () -> work.apply(context.getScheduledFireTime().toInstant()));
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
