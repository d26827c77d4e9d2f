package io.etcdwarden.daemon;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every missed run: Quartz calls this when a trigger fires later than the misfire
 * threshold (the previous run was still going, the machine was suspended, the JVM stalled).
 * The snapshot trigger then fires once at once; the health trigger waits for its next turn.
 * Either way the miss is logged, counted in the metrics and shown by {@code status}.
 */
final class MisfireListener extends TriggerListenerSupport {
  private static final Logger LOG = LoggerFactory.getLogger(WardenDaemon.class);

  private final JobHistory history;
  private final DaemonMetrics metrics;

  MisfireListener(JobHistory history, DaemonMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
  }

  @Override
  public String getName() {
    return "etcd-warden-misfires";
  }

  @Override
  public void triggerMisfired(Trigger trigger) {
    String job = trigger.getJobKey().getName();
    history.misfired(job);
    metrics.misfired(job);
    LOG.warn("{} run due at {} was missed (started too late; was the previous run still going?)",
        job, trigger.getNextFireTime() == null ? "?" : trigger.getNextFireTime().toInstant());
  }

  @Override
  public void triggerComplete(Trigger trigger, JobExecutionContext context,
      CompletedExecutionInstruction instruction) {
    // outcomes are booked by JobRunner
  }
}
