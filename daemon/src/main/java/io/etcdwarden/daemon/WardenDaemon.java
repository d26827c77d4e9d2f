package io.etcdwarden.daemon;

import io.etcdwarden.checks.cluster.LiveSurvey;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.CronSchedule;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.plugins.ClusterPluginRuns;
import io.etcdwarden.storage.SnapshotStore;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar daemon: a Quartz scheduler ({@link QuartzJobs}) running {@code health} every
 * {@code daemon.health_interval}, {@code snapshot} (then retention) on {@code backup.schedule},
 * {@code maintenance} on {@code maintenance.defrag_schedule}, {@code drill} (a restore drill
 * of the newest archive) on {@code backup.drill_schedule}, and the loopback
 * {@link DaemonEndpoint}. Everything is validated
 * before anything starts, so a bad schedule or store is one line at start-up, not a failure at
 * 3 a.m. {@link #close()} stops scheduling, gives a running snapshot {@code stopGrace} to
 * finish, then interrupts it and closes its etcd connections; a half-written archive is never
 * listed, because stores publish atomically.
 */
public final class WardenDaemon implements AutoCloseable {
  public static final String HEALTH = "health";
  public static final String SNAPSHOT = "snapshot";
  public static final String PRUNE = "prune";
  public static final String MAINTENANCE = "maintenance";
  public static final String DRILL = "drill";
  private static final Logger LOG = LoggerFactory.getLogger(WardenDaemon.class);
  /** The longest a health survey may take, as check_etcd_cluster's default -t. */
  private static final Duration MAX_HEALTH_DEADLINE = Duration.ofSeconds(10);

  private final DaemonSettings settings;
  private final Instant startedAt;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final JobHistory history;
  private final QuartzJobs jobs;
  private final JobRunner runner;
  private final DaemonEndpoint endpoint;
  private final EtcdClients snapshotClients;
  private boolean closed;

  private WardenDaemon(DaemonSettings settings, Optional<CronSchedule> schedule,
      Optional<SnapshotStore> store, Optional<ScheduledDrill> drill) {
    this.settings = settings;
    this.startedAt = settings.clock().instant();
    Optional<CronSchedule> maintenance = settings.maintenance().cronSchedule();
    List<String> names = new ArrayList<>(schedule.isPresent() ? List.of(HEALTH, SNAPSHOT, PRUNE)
        : List.of(HEALTH));
    maintenance.ifPresent(m -> names.add(MAINTENANCE));
    Optional<CronSchedule> drillSchedule = drill.flatMap(d -> settings.backup()
        .drillCronSchedule());
    drillSchedule.ifPresent(d -> names.add(DRILL));
    history = new JobHistory(settings.clock(), names);
    DaemonMetrics metrics = new DaemonMetrics(settings.toolVersion());
    runner = new JobRunner(history, metrics);
    schedule.ifPresent(s -> metrics.scheduled(s, settings.clock().instant()));
    drillSchedule.ifPresent(s -> metrics.drillScheduled(s, settings.clock().instant()));
    try {
      Duration interval = settings.daemon().healthInterval();
      EtcdClients healthClients = keep(new EtcdClients(LiveSurvey.perCall(settings.target(),
          interval.compareTo(MAX_HEALTH_DEADLINE) < 0 ? interval : MAX_HEALTH_DEADLINE)));
      HealthJob health = new HealthJob(healthClients, settings.clock(), runner, metrics,
          new RevisionRecorder(healthClients, settings.clock()));
      snapshotClients = keep(new EtcdClients(settings.target()));
      Optional<TickJob> snapshot = Optional.empty();
      EtcdClients waiting = schedule.isPresent() || maintenance.isPresent()
          || drillSchedule.isPresent()
          ? keep(new EtcdClients(settings.target().withTimeout(
              settings.daemon().lockTtl().multipliedBy(3).plusSeconds(1)))) : null;
      if (schedule.isPresent()) {
        snapshot = Optional.of(new TickJob(SNAPSHOT, new BackupJob(settings, snapshotClients,
            waiting, store.orElseThrow(), schedule.get(), metrics, history)::run, runner));
      }
      Optional<TickJob> maintaining = maintenance.map(m -> new TickJob(MAINTENANCE,
          new MaintenanceRun(settings, keep(new EtcdClients(settings.target())), waiting, m,
              store)::run,
          runner));
      Optional<TickJob> drilling = drillSchedule.map(d -> new TickJob(DRILL, new DrillJob(
          settings, keep(new EtcdClients(settings.target())), waiting, d, drill.orElseThrow(),
          metrics)::run, runner));
      endpoint = keep(new DaemonEndpoint(settings.daemon(), health, this::status, metrics,
          new ClusterPluginRuns(settings.clock()).warmedUp()));
      jobs = keep(new QuartzJobs(settings, health, interval, snapshot, schedule, maintaining,
          drilling, new MisfireListener(history, metrics)));
    } catch (RuntimeException e) {
      closeResources();
      throw e;
    }
    LOG.info("etcd-warden daemon {} started: health every {}, snapshots {}, maintenance {},"
        + " listening on {}",
        settings.instance(), Durations.format(settings.daemon().healthInterval()),
        schedule.map(s -> "on '" + s.written() + "' (Quartz " + s.quartzExpression() + ", UTC)")
            .orElse("off (no backup.schedule)"),
        maintenance.map(s -> "on '" + s.written() + "' (UTC)")
            .orElse("off (no maintenance.defrag_schedule)"), address());
  }

  /**
   * Validates the settings, then starts scheduling and serving, {@code check_etcd_cluster} runs
   * of the shell fast path included (answered from the cached survey by the plugin itself,
   * {@link ClusterPluginRuns}).
   */
  public static WardenDaemon start(DaemonSettings settings) {
    return start(settings, Optional.empty());
  }

  /**
   * As {@link #start(DaemonSettings)}, and runs {@code drill} on
   * {@code backup.drill_schedule} when both are there (one daemon per tick, under the drill's
   * cluster-wide lock), exporting its recovery time.
   */
  public static WardenDaemon start(DaemonSettings settings, Optional<ScheduledDrill> drill) {
    Optional<SnapshotStore> store = StartChecks.store(settings, drill);
    return new WardenDaemon(settings, settings.backup().cronSchedule(), store, drill);
  }

  /** Where the HTTP endpoint listens (the real port when {@code daemon.listen} gave 0). */
  public InetSocketAddress address() {
    return endpoint.address();
  }

  /** Where {@code /metrics} alone is served, when {@code daemon.metrics_listen} is set. */
  public Optional<InetSocketAddress> metricsAddress() {
    return endpoint.metricsAddress();
  }

  public JobHistory history() {
    return history;
  }

  /** The status {@code /v1/status} serves. */
  public DaemonStatus status() {
    InetSocketAddress a = endpoint == null ? null : endpoint.address();
    return new DaemonStatus(settings.instance(), startedAt.toString(),
        a == null ? "" : a.getHostString() + ":" + a.getPort(),
        StartChecks.jobLines(history, jobs));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    jobs.stopScheduling();
    if (!runner.awaitIdle(settings.stopGrace())) {
      LOG.warn("a job is still running {} after the stop request; aborting it (nothing"
          + " half-written is published)", Durations.format(settings.stopGrace()));
      jobs.interruptAll();
      snapshotClients.close(); // fails a snapshot stream that ignores the interrupt
    }
    closeResources();
    LOG.info("etcd-warden daemon {} stopped", settings.instance());
  }

  private void closeResources() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
    resources.clear();
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }
}
