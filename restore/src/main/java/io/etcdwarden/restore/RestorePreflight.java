package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything restore checks before it changes anything, in the order an operator would: the
 * member's config is found, the restore tool its etcd version needs is there, the member runs
 * and is alone in its cluster (a scaled cluster is refused with the migration steps), the
 * archive downloads and verifies (sha256, manifest, etcd's hash) into a staging file beside the
 * data dir, it was taken from an etcd line no newer than the member's, and there is room for
 * the restored data and the backup. Each failure is one line; only the staging file was
 * written, and it is gone.
 */
public final class RestorePreflight {
  /** A restored 3.4/3.5 data dir: the db plus a preallocated 64 MiB WAL segment. */
  static final long WAL_BYTES = 64L << 20;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private final Clock clock;
  private final FreeSpace freeSpace;

  public RestorePreflight(Clock clock, FreeSpace freeSpace) {
    this.clock = clock;
    this.freeSpace = freeSpace;
  }

  /** Checks everything, holding the member's {@link RestoreLock} in the plan it returns. */
  public RestorePlan prepare(RestoreRequest request) {
    MemberOnHost member = request.member();
    return RestoreLock.whilePreparing(member, lock -> prepare(request, member, lock));
  }

  private RestorePlan prepare(RestoreRequest request, MemberOnHost member, RestoreLock lock) {
    if (member.metricsUrl() == null) {
      throw new WardenException(member.configFile() + " has no listen-metrics-urls; restore"
          + " waits for the member's /health there");
    }
    if (!Files.isDirectory(member.dataDir())) {
      throw new WardenException("data dir " + member.dataDir() + " of member " + member.name()
          + " does not exist; nothing was changed");
    }
    EtcdVersion etcdVersion = EtcdBinaryVersion.of(member.etcdBinary());
    request.bump().ifPresent(b -> b.requireSupportedBy(etcdVersion));
    RestoreTool tool = RestoreTool.locate(member.etcdBinary(), etcdVersion, request.env());
    // Asking etcd (client start-up, TLS) and downloading the archive both take seconds: they
    // run side by side, and a refusal from etcd stops the download at its next chunk.
    CompletableFuture<Long> alone = CompletableFuture.supplyAsync(() -> requireAlone(member,
        request));
    Path dataDir = member.dataDir();
    RestoreNames names = RestoreNames.pick(dataDir, member.name(), clock.instant(),
        request.backupDir(), request.skipBackup());
    StagedArchive archive = null;
    long oldClusterId;
    try {
      archive = new ArchiveStaging(freeSpace).stageFirstGood(request, names.staged(), dataDir,
          alone::isCompletedExceptionally);
      oldClusterId = alone.join();
    } catch (RuntimeException e) {
      if (archive != null) {
        ArchiveStager.deleteQuietly(archive.dbFile()); // staged by this run; a failed one is gone
      }
      throw alone.isCompletedExceptionally() ? unwrap(alone) : e;
    }
    try {
      EtcdLineGate.require(archive.name(), archive.manifest(), etcdVersion, member.etcdBinary(),
          request.allowOlderEtcd());
      new DiskRoom(freeSpace).require(dataDir, archive.dbSize() + WAL_BYTES, names.backupFile());
    } catch (RuntimeException e) {
      ArchiveStager.deleteQuietly(names.staged());
      throw e;
    }
    String token = EtcdMemberConfig.randomClusterToken();
    List<String> command = new ArrayList<>(tool.command(names.staged(), names.restored(), member,
        token, archive.skipHashCheck()));
    request.bump().ifPresent(b -> command.addAll(b.arguments()));
    return new RestorePlan(member, archive.name(), archive, oldClusterId, token,
        names.restored(), names.kept(), names.backupFile(), List.copyOf(command),
        member.serviceMode().isBlank() ? "service manager of this host" : member.serviceMode(),
        lock, request.bump());
  }

  /** The cluster ID the member serves; 0 when it is down and the operator vouched for it. */
  private static long requireAlone(MemberOnHost member, RestoreRequest request) {
    ServiceManager services = ServiceManagers.forMode(member.serviceMode());
    if (!services.isRunning(member.serviceSpec())) {
      if (request.assumeSingleMember()) {
        return 0;
      }
      throw new WardenException("member " + member.name() + " is not running, so restore cannot"
          + " ask etcd whether it is its cluster's only member; start it, or, if it cannot start"
          + " (damaged data) and you are sure it is the only member, add --assume-single-member;"
          + " nothing was changed");
    }
    ClusterProbe.MemberList m = ClusterProbe.members(member.target(PROBE_TIMEOUT));
    if (m.memberNames().size() != 1) {
      throw new WardenException("refused: the cluster has " + m.memberNames().size()
          + " members (" + String.join(", ", m.memberNames()) + "); restoring one member of a"
          + " scaled cluster breaks it. Migrate instead: 1) install a new single member"
          + " (etcd-warden install --initial-cluster NAME=PEER_URL), 2) run etcd-warden restore"
          + " --from " + request.from() + " there, 3) add members with etcd-warden member add."
          + " Nothing was changed");
    }
    return m.clusterId();
  }

  private static RuntimeException unwrap(CompletableFuture<Long> failed) {
    try {
      failed.join();
      throw new IllegalStateException("only called on a failed future");
    } catch (CompletionException e) {
      return e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
