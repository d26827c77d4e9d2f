package io.etcdwarden.backup;

import io.etcd.jetcd.Maintenance;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.storage.PublishedSnapshot;
import io.etcdwarden.storage.SnapshotStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes one snapshot archive: picks the member (the leader, or a named member that sees a
 * leader), streams its snapshot to a spool file while checking etcd's trailing hash, then
 * streams {@code manifest.json} + {@code db} through tar and the compressor into the store,
 * which hashes the archive on the fly and publishes it atomically. Memory stays constant
 * whatever the database size; the spool file is always deleted.
 */
public final class SnapshotArchiver {
  /** A stream that sends nothing for this long is abandoned. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final EtcdClients clients;
  private final EtcdTarget target;
  private final Clock clock;
  private final Path spoolDir;
  private final String toolVersion;

  public SnapshotArchiver(EtcdClients clients, EtcdTarget target, Clock clock, Path spoolDir,
      String toolVersion) {
    this.clients = clients;
    this.target = target;
    this.clock = clock;
    this.spoolDir = spoolDir;
    this.toolVersion = toolVersion;
  }

  /** Archives a snapshot of {@code member} (empty: the leader) into {@code store}. */
  public ArchivedSnapshot archive(SnapshotStore store, Optional<String> member,
      Compression compression, SnapshotProgress progress) {
    ClusterReport report = new ClusterSurvey(clients, target, clock).survey();
    MemberStatus source = SourceMember.choose(report, member);
    URI url = URI.create(source.clientUrl());
    Maintenance maintenance = clients.member(url).getMaintenanceClient();
    StatusResponse status = status(maintenance, url);
    Instant createdAt = clock.instant();
    SnapshotSpooler spooler = new SnapshotSpooler(spoolDir, IDLE_TIMEOUT, target);
    try (SpooledSnapshot db = spooler.spool(maintenance, url, source.displayName(),
        status.getDbSize(), progress)) {
      SnapshotManifest manifest = manifest(report, source, status, db, createdAt);
      String name = ArchiveName.of(createdAt, compression);
      PublishedSnapshot published = ArchivePipe.connect(
          out -> ArchiveWriter.write(out, manifest, db, compression, createdAt),
          in -> store.put(name, in));
      return new ArchivedSnapshot(published, manifest);
    }
  }

  private StatusResponse status(Maintenance maintenance, URI url) {
    try {
      return maintenance.statusMember(url.toString())
          .get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw EtcdClients.explain(e.getCause(), url, target);
    } catch (TimeoutException e) {
      throw EtcdClients.explain(e, url, target);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while asking " + url + " for its status", e);
    }
  }

  private SnapshotManifest manifest(ClusterReport report, MemberStatus source,
      StatusResponse status, SpooledSnapshot db, Instant createdAt) {
    List<SnapshotManifest.Member> members = report.members().stream()
        .map(m -> new SnapshotManifest.Member(m.name(), m.memberId(),
            m.clientUrl().isEmpty() ? List.of() : List.of(m.clientUrl())))
        .toList();
    return new SnapshotManifest(SnapshotManifest.FORMAT_VERSION, createdAt.toString(),
        status.getVersion(), report.clusterId(), source.memberId(), source.name(),
        status.getHeader().getRevision(), status.getRaftTerm(), status.getRaftIndex(),
        db.sizeBytes(), db.sha256(), members, toolVersion);
  }
}
