package io.etcdwarden.daemon;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.AgeRecipients;
import io.etcdwarden.backup.ArchiveKeys;
import io.etcdwarden.backup.ArchivedSnapshot;
import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.PruneDecision;
import io.etcdwarden.backup.RetentionPolicy;
import io.etcdwarden.backup.SnapshotArchiver;
import io.etcdwarden.backup.SnapshotProgress;
import io.etcdwarden.backup.SnapshotPruner;
import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.backup.Verification;
import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.CronSchedule;
import io.etcdwarden.storage.SnapshotStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One scheduled snapshot for the whole cluster: take the cluster-wide {@link SnapshotLock}, skip
 * the tick if another daemon already served it, else archive (the leader or
 * {@code backup.member}; a retryable failure is tried again within the tick, {@link
 * SnapshotRetries}), verify the published archive, claim the tick together with the
 * {@link LastRun} record, and prune with {@code backup.keep_*}. A failure is recorded for
 * {@code check_etcd_backup} and leaves the tick open for another daemon.
 */
final class BackupJob {
  private static final Duration MAX_HOLD = Duration.ofMillis(1100);
  private final DaemonSettings settings;
  private final EtcdClients clients;
  private final EtcdClients waiting;
  private final SnapshotStore store;
  private final CronSchedule schedule;
  private final DaemonMetrics metrics;
  private final JobHistory history;
  private final SnapshotRetries retries;

  BackupJob(DaemonSettings settings, EtcdClients clients, EtcdClients waiting,
      SnapshotStore store, CronSchedule schedule, DaemonMetrics metrics, JobHistory history) {
    this.settings = settings;
    this.clients = clients;
    this.waiting = waiting;
    this.store = store;
    this.schedule = schedule;
    this.metrics = metrics;
    this.history = history;
    this.retries = new SnapshotRetries(settings.clock(), metrics);
  }

  JobResult run(Instant firedFor) {
    return ClusterTick.serve("run", LockKeys.SNAPSHOT, settings, clients, waiting, schedule,
        firedFor, this::archive);
  }

  private JobResult archive(SnapshotLock lock, Instant tick, SnapshotLock.Served served) {
    Instant start = settings.clock().instant();
    BackupSection backup = settings.backup();
    SnapshotRetries.Tried<ArchivedSnapshot> tried;
    Optional<AgeIdentity> identity;
    try {
      identity = ArchiveKeys.identity(null, backup);
      Optional<AgeRecipients> recipients = ArchiveKeys.recipients(List.of(), backup);
      tried = retries.run(() -> new SnapshotArchiver(clients, settings.target(),
          settings.clock(), settings.toolVersion()).withEncryption(recipients)
          .archive(store, backup.member(),
          Compression.ofFlag(backup.compression()), SnapshotProgress.NONE), schedule.next(tick));
    } catch (WardenException e) {
      LastRun failed = new LastRun(tick, settings.clock().instant(), false, "", 0, false,
          e.getMessage(), settings.instance());
      lock.recordFailure(failed.toJson());
      return new JobResult(JobHistory.Outcome.FAILED, "tick " + tick + ": " + e.getMessage());
    }
    ArchivedSnapshot archived = tried.value();
    String name = archived.published().name();
    long size = archived.published().sizeBytes();
    Verification verification = SnapshotVerifier.verify(store, name, identity);
    Instant end = settings.clock().instant();
    LastRun record = new LastRun(tick, end, verification.ok(), name, size, verification.ok(),
        String.join("; ", verification.problems()), settings.instance());
    boolean claimed = lock.claim(tick, served, record.toJson());
    holdPastSecondOf(Instant.parse(archived.manifest().createdAt()));
    if (!claimed) {
      return new JobResult(JobHistory.Outcome.FAILED, "tick " + tick + ": lost the snapshot lock"
          + " while archiving (lease expired?); " + name + " was published all the same");
    }
    if (!verification.ok()) {
      return new JobResult(JobHistory.Outcome.FAILED, name + " fails verification: "
          + String.join("; ", verification.problems()));
    }
    metrics.snapshotTaken(Duration.between(start, end), size, end);
    return new JobResult(JobHistory.Outcome.OK, "tick " + tick + ": " + name + " ("
        + ByteSizes.human(size) + ") in "
        + Duration.between(start, end).toMillis() / 1000.0 + " s, verified" + tried.note() + "; "
        + prune());
  }

  /** Retention after each snapshot; its own line in the history. */
  private String prune() {
    history.started(WardenDaemon.PRUNE);
    BackupSection b = settings.backup();
    try {
      List<PruneDecision> decisions = SnapshotPruner.prune(store,
          new RetentionPolicy(b.keepLast(), b.keepHourly(), b.keepDaily(), b.keepWeekly()),
          false);
      long deleted = decisions.stream().filter(d -> !d.kept()).count();
      String line = "pruned " + deleted + ", kept " + decisions.stream()
          .filter(PruneDecision::kept).count();
      history.ended(WardenDaemon.PRUNE, JobHistory.Outcome.OK, line);
      metrics.ran(WardenDaemon.PRUNE, JobHistory.Outcome.OK);
      return line;
    } catch (WardenException e) {
      history.ended(WardenDaemon.PRUNE, JobHistory.Outcome.FAILED, e.getMessage());
      metrics.ran(WardenDaemon.PRUNE, JobHistory.Outcome.FAILED);
      return "prune failed: " + e.getMessage();
    }
  }

  /**
   * Archive names have a resolution of one second: the holder keeps the lock until the second
   * its archive is named after has passed, so the next holder cannot pick the same name.
   */
  private void holdPastSecondOf(Instant createdAt) {
    Instant nextSecond = Instant.ofEpochSecond(createdAt.getEpochSecond() + 1);
    Duration left = Duration.between(settings.clock().instant(), nextSecond);
    if (!left.isNegative() && !left.isZero()) {
      // One wait to the second's end, bounded in case the clock is not the wall clock.
      Pause.of(left.compareTo(MAX_HOLD) < 0 ? left : MAX_HOLD);
    }
  }

  /** Long enough for a dead holder's lease to expire and then some. */}
