package io.etcdwarden.daemon;

import io.etcdwarden.backup.Compression;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.CronSchedule;
import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link WardenDaemon} decides before anything starts, so a bad setting is one line at
 * start-up rather than a failed job at 3 a.m.: the store the snapshot and the maintenance
 * gate write to (opened, so a bad target fails now), the compression and the maintenance rule
 * parsed, and a drill schedule that has an archive store to drill. Also the per-job lines of
 * the status it serves.
 */
final class StartChecks {
  private StartChecks() {}

  /** The store the jobs need (none when no job writes archives), or one line why not. */
  static Optional<SnapshotStore> store(DaemonSettings settings, Optional<ScheduledDrill> drill) {
    BackupSection backup = settings.backup();
    Optional<CronSchedule> schedule = backup.cronSchedule();
    Optional<SnapshotStore> store = Optional.empty();
    boolean maintenanceGate = settings.maintenance().cronSchedule().isPresent()
        && MaintenanceRun.snapshotFirst(settings);
    if (schedule.isPresent() || maintenanceGate) {
      Compression.ofFlag(backup.compression());
      String why = schedule.isPresent()
          ? BackupSection.NAME + "." + BackupSection.SCHEDULE + " is set"
          : MaintenanceSection.NAME + "." + MaintenanceSection.BACKUP_GATE + " is "
              + MaintenanceSection.SNAPSHOT_FIRST;
      store = Optional.of(SnapshotStores.open(backup.target().orElseThrow(() ->
          WardenException.badInput(BackupSection.NAME + "." + BackupSection.TARGET
              + " is needed when " + why + " (or pass --target)"))));
    }
    MaintenanceRun.rule(settings.maintenance()); // a bad rule is one line before anything runs
    if (drill.isPresent() && backup.drillCronSchedule().isPresent() && backup.target().isEmpty()) {
      throw WardenException.badInput(BackupSection.NAME + "." + BackupSection.TARGET + " is"
          + " needed when " + BackupSection.NAME + "." + BackupSection.DRILL_SCHEDULE + " is set");
    }
    return store;
  }

  /** Each job's status line: its history, and its schedule while the scheduler exists. */
  static List<DaemonStatus.Job> jobLines(JobHistory history, QuartzJobs jobs) {
    List<DaemonStatus.Job> lines = new ArrayList<>();
    for (JobHistory.Entry e : history.entries()) {
      lines.add(new DaemonStatus.Job(e.job(), jobs == null ? "" : jobs.describe(e.job()),
          text(e.lastStart()), text(e.lastEnd()),
          e.lastOutcome().map(Enum::name).orElse(""), e.lastResult(),
          jobs == null ? "" : text(jobs.nextRun(e.job())), e.runs(), e.failures(),
          e.misfires()));
    }
    return lines;
  }

  private static String text(Optional<Instant> t) {
    return t.map(Instant::toString).orElse("");
  }
}
