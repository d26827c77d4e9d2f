package io.etcdwarden.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.CronSchedule;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.backup.BackupGate;
import io.etcdwarden.backup.ArchiveKeys;
import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.RecentArchive;
import io.etcdwarden.backup.SnapshotArchiver;
import io.etcdwarden.maintenance.CompactRequest;
import io.etcdwarden.maintenance.Compactor;
import io.etcdwarden.maintenance.DefragOutcome;
import io.etcdwarden.maintenance.DefragRequest;
import io.etcdwarden.maintenance.DefragRule;
import io.etcdwarden.maintenance.RevisionHistory;
import io.etcdwarden.maintenance.RollingDefrag;
import io.etcdwarden.storage.SnapshotStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled maintenance run for the whole cluster, as {@link BackupJob} is for snapshots:
 * take the cluster-wide lock under {@link #KEYS}, skip the tick if another daemon served it,
 * else (with {@code maintenance.backup_gate}, by default whenever {@code backup.target} is set)
 * take and verify an archive as {@code defrag --snapshot-first} does and stop if that fails, then
 * compact history older than {@code maintenance.compact_retain} (when set and the
 * {@link RevisionHistory} reaches back that far) and run the same rolling defrag as
 * {@code etcd-warden defrag} with {@code maintenance.defrag_rule}, judged against the member's
 * quota. The outcome is recorded under
 * {@link #LAST_RUN}; a failed run leaves the tick open for another daemon.
 */
final class MaintenanceRun {
  static final LockKeys KEYS = new LockKeys("/etcd-warden/locks/maintenance",
      "/etcd-warden/maintenance/last-tick", "/etcd-warden/maintenance/running",
      "/etcd-warden/maintenance/last-run");
  static final String LAST_RUN = KEYS.record();
  /** Between two members, as {@code defrag --pause} defaults to a few seconds. */
  static final Duration PAUSE = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(WardenDaemon.class);

  private final DaemonSettings settings;
  private final EtcdClients clients;
  private final EtcdClients waiting;
  private final CronSchedule schedule;
  private final DefragRule rule;
  private final BackupGate gate;

  /** {@code store} is the backup target's, needed when the backup gate is on. */
  MaintenanceRun(DaemonSettings settings, EtcdClients clients, EtcdClients waiting,
      CronSchedule schedule, Optional<SnapshotStore> store) {
    this.settings = settings;
    this.clients = clients;
    this.waiting = waiting;
    this.schedule = schedule;
    this.rule = rule(settings.maintenance());
    this.gate = gate(settings, clients, store);
  }

  /** Whether a run first takes a verified archive (then the store must be open). */
  static boolean snapshotFirst(DaemonSettings settings) {
    return settings.maintenance().snapshotFirst(settings.backup().target().isPresent());
  }

  private static BackupGate gate(DaemonSettings settings, EtcdClients clients,
      Optional<SnapshotStore> store) {
    if (!snapshotFirst(settings)) {
      return BackupGate.none("maintenance");
    }
    return BackupGate.takeNow("maintenance",
        new RecentArchive(store.orElseThrow(), settings.clock()), new SnapshotArchiver(clients, settings.target(), settings.clock(),
            settings.toolVersion()).withEncryption(ArchiveKeys.recipients(List.of(),
            settings.backup())), Compression.ofFlag(settings.backup().compression()));
  }

  /** The configured rule, refused in one line naming {@code maintenance.defrag_rule}. */
  static DefragRule rule(MaintenanceSection section) {
    return section.defragRule().isBlank() ? DefragRule.all()
        : DefragRule.parse(section.defragRule(),
            MaintenanceSection.NAME + "." + MaintenanceSection.DEFRAG_RULE);
  }

  JobResult run(Instant firedFor) {
    return ClusterTick.serve("run", KEYS, settings, clients, waiting, schedule, firedFor,
        this::maintain);
  }

  private JobResult maintain(SnapshotLock lock, Instant tick, SnapshotLock.Served served) {
    new RevisionRecorder(clients, settings.clock()).record();
    try {
      String backedUp = gate.require();
      LOG.info("maintenance: {}", backedUp);
      String compacted = compact(settings.clock().instant());
      DefragOutcome outcome = new RollingDefrag(clients).run(new DefragRequest(List.of(), rule,
          settings.maintenanceQuotaBytes(), PAUSE, Duration.ofMinutes(5),
          Duration.ofSeconds(30), false), line -> LOG.info("maintenance: {}", line));
      String line = "tick " + tick + ": " + backedUp + "; " + compacted + "; defragmented "
          + outcome.defragmented() + ", skipped " + outcome.skipped() + " (rule "
          + rule.describe() + ")";
      if (!lock.claim(tick, served, record(tick, true, line))) {
        return new JobResult(JobHistory.Outcome.FAILED, "tick " + tick + ": lost the"
            + " maintenance lock while running (lease expired?); " + line);
      }
      return new JobResult(JobHistory.Outcome.OK, line);
    } catch (WardenException e) {
      lock.recordFailure(record(tick, false, e.getMessage()));
      return new JobResult(JobHistory.Outcome.FAILED, "tick " + tick + ": " + e.getMessage());
    }
  }

  /** Compaction to the newest recorded revision older than compact_retain, if set. */
  private String compact(Instant now) {
    Optional<Duration> retain = settings.maintenance().compactRetain();
    if (retain.isEmpty()) {
      return "no compaction (maintenance.compact_retain not set)";
    }
    RevisionHistory history = new RevisionHistory(clients);
    List<RevisionHistory.Sample> samples = history.read();
    Optional<Long> revision = RevisionHistory.pick(samples, retain.get(), now);
    if (revision.isEmpty()) {
      return "no compaction yet (the revision history does not reach back "
          + Durations.format(retain.get()) + ")";
    }
    return new Compactor(clients).compact(new CompactRequest(revision.get(), 0, false));
  }

  private byte[] record(Instant tick, boolean ok, String result) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("tick", tick.toString());
    record.put("ended", settings.clock().instant().toString());
    record.put("ok", ok);
    record.put("instance", settings.instance());
    record.put("result", result);
    try {
      return new ObjectMapper().writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
