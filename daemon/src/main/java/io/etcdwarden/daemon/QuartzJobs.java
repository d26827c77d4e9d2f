package io.etcdwarden.daemon;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.CronSchedule;
import io.etcdwarden.core.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.EverythingMatcher;

/**
 * The Quartz side of the daemon: an in-memory job store (nothing to set up, nothing shared
 * between daemons: coordination goes through etcd), four worker threads (health, snapshot,
 * maintenance and the restore drill never wait for each other), no update check, and jobs handed to Quartz as ready
 * instances. Missed runs go to the {@link MisfireListener}: the health and maintenance triggers
 * then wait for their next turn, the snapshot trigger fires once at once.
 */
final class QuartzJobs implements AutoCloseable {
  private static final JobKey HEALTH = JobKey.jobKey(WardenDaemon.HEALTH);
  private static final JobKey SNAPSHOT = JobKey.jobKey(WardenDaemon.SNAPSHOT);
  private static final JobKey MAINTENANCE = JobKey.jobKey(WardenDaemon.MAINTENANCE);
  private static final JobKey DRILL = JobKey.jobKey(WardenDaemon.DRILL);

  private final Scheduler scheduler;
  private final String healthEvery;
  private final Optional<CronSchedule> schedule;
  private final Optional<CronSchedule> maintenanceSchedule;
  private final Optional<CronSchedule> drillSchedule;

  QuartzJobs(DaemonSettings settings, HealthJob health, Duration interval,
      Optional<TickJob> snapshot, Optional<CronSchedule> schedule,
      Optional<TickJob> maintenance, MisfireListener misfires) {
    this(settings, health, interval, snapshot, schedule, maintenance, Optional.empty(),
        misfires);
  }

  /** As above, with the restore drill on {@code backup.drill_schedule} when given. */
  QuartzJobs(DaemonSettings settings, HealthJob health, Duration interval,
      Optional<TickJob> snapshot, Optional<CronSchedule> schedule,
      Optional<TickJob> maintenance, Optional<TickJob> drill, MisfireListener misfires) {
    this.healthEvery = "every " + Durations.format(interval);
    this.schedule = schedule;
    this.maintenanceSchedule = settings.maintenance().cronSchedule();
    this.drillSchedule = drill.isPresent() ? settings.backup().drillCronSchedule()
        : Optional.empty();
    Map<JobKey, Job> instances = new java.util.HashMap<>(Map.of(HEALTH, health));
    snapshot.ifPresent(job -> instances.put(SNAPSHOT, job));
    maintenance.ifPresent(job -> instances.put(MAINTENANCE, job));
    drill.ifPresent(job -> instances.put(DRILL, job));
    try {
      scheduler = new StdSchedulerFactory(properties(settings)).getScheduler();
      scheduler.setJobFactory((bundle, s) -> instances.get(bundle.getJobDetail().getKey()));
      scheduler.getListenerManager().addTriggerListener(misfires, EverythingMatcher.allTriggers());
      scheduler.scheduleJob(JobBuilder.newJob(HealthJob.class).withIdentity(HEALTH).build(),
          TriggerBuilder.newTrigger().withIdentity(WardenDaemon.HEALTH).startNow()
              .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                  .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                  .withMisfireHandlingInstructionNextWithRemainingCount()).build());
      if (snapshot.isPresent()) {
        scheduler.scheduleJob(JobBuilder.newJob(TickJob.class).withIdentity(SNAPSHOT).build(),
            TriggerBuilder.newTrigger().withIdentity(WardenDaemon.SNAPSHOT)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.get().quartzExpression())
                    .inTimeZone(TimeZone.getTimeZone("UTC"))
                    .withMisfireHandlingInstructionFireAndProceed()).build());
      }
      if (maintenance.isPresent()) {
        scheduler.scheduleJob(JobBuilder.newJob(TickJob.class).withIdentity(MAINTENANCE)
            .build(), TriggerBuilder.newTrigger().withIdentity(WardenDaemon.MAINTENANCE)
                .withSchedule(CronScheduleBuilder.cronSchedule(
                    maintenanceSchedule.orElseThrow().quartzExpression())
                    .inTimeZone(TimeZone.getTimeZone("UTC"))
                    .withMisfireHandlingInstructionDoNothing()).build());
      }
      if (drill.isPresent()) {
        scheduler.scheduleJob(JobBuilder.newJob(TickJob.class).withIdentity(DRILL).build(),
            TriggerBuilder.newTrigger().withIdentity(WardenDaemon.DRILL)
                .withSchedule(CronScheduleBuilder.cronSchedule(
                    drillSchedule.orElseThrow().quartzExpression())
                    .inTimeZone(TimeZone.getTimeZone("UTC"))
                    .withMisfireHandlingInstructionDoNothing()).build());
      }
      scheduler.start();
    } catch (SchedulerException e) {
      throw new WardenException("cannot start the scheduler: " + e.getMessage(), e);
    }
  }

  private static Properties properties(DaemonSettings settings) {
    Properties p = new Properties();
    // Quartz keeps schedulers in a JVM-wide registry by name: each daemon gets its own.
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME,
        "etcd-warden-" + UUID.randomUUID());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS,
        "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "etcd-warden-job");
    p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold",
        Long.toString(settings.misfireThreshold().toMillis()));
    return p;
  }

  String describe(String job) {
    if (job.equals(WardenDaemon.HEALTH)) {
      return healthEvery;
    }
    if (job.equals(WardenDaemon.PRUNE)) {
      return "after each snapshot";
    }
    if (job.equals(WardenDaemon.MAINTENANCE)) {
      return maintenanceSchedule.map(s -> s.written() + " (UTC)").orElse("off");
    }
    if (job.equals(WardenDaemon.DRILL)) {
      return drillSchedule.map(s -> s.written() + " (UTC)").orElse("off");
    }
    return schedule.map(s -> s.written() + " (UTC)").orElse("off");
  }

  Optional<Instant> nextRun(String job) {
    JobKey key = job.equals(WardenDaemon.HEALTH) ? HEALTH
        : job.equals(WardenDaemon.SNAPSHOT) ? SNAPSHOT
        : job.equals(WardenDaemon.MAINTENANCE) ? MAINTENANCE
        : job.equals(WardenDaemon.DRILL) ? DRILL : null;
    if (key == null) {
      return Optional.empty();
    }
    try {
      List<? extends Trigger> triggers = scheduler.getTriggersOfJob(key);
      return triggers.stream().map(Trigger::getNextFireTime).filter(java.util.Objects::nonNull)
          .map(Date::toInstant).findFirst();
    } catch (SchedulerException e) {
      return Optional.empty();
    }
  }

  /** No trigger fires from now on; running jobs go on. */
  void stopScheduling() {
    try {
      scheduler.standby();
    } catch (SchedulerException e) {
      throw new WardenException("cannot stop the scheduler: " + e.getMessage(), e);
    }
  }

  void interruptAll() {
    try {
      for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
        scheduler.interrupt(running.getJobDetail().getKey());
      }
    } catch (SchedulerException e) {
      // shutting down anyway
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      // nothing left to stop
    }
  }
}
