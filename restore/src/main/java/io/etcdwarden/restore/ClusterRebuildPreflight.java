package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.service.ServiceManagers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code restore --cluster} checks on one host before it changes anything: the member's
 * installed config names this member, with its own peer URLs, in its {@code initial-cluster};
 * the member is not running and its data dir is empty (a member installed with {@code install
 * --no-start}); the restore tool for its etcd is there; the archive downloads and verifies into a
 * staging file and was taken from an etcd line no newer than the member's. Each refusal is one
 * line and leaves nothing behind.
 */
public final class ClusterRebuildPreflight {
  private final Clock clock;
  private final ArchiveStaging staging;

  public ClusterRebuildPreflight(Clock clock, FreeSpace freeSpace) {
    this.clock = clock;
    this.staging = new ArchiveStaging(freeSpace);
  }

  /** Checks everything, holding the member's restore lock in the plan it returns. */
  public ClusterRebuildPlan prepare(RestoreRequest request) {
    refuseOneMemberFlags(request);
    MemberOnHost member = request.member();
    return RestoreLock.whilePreparing(member, lock -> prepare(request, member, lock));
  }

  /**
   * The flags that concern the old data of a one-member restore: a rebuild starts from an empty
   * member, so there is nothing to back up or keep, and it never asks whether it is alone.
   */
  private static void refuseOneMemberFlags(RestoreRequest request) {
    Stream.of(request.backupDir().isPresent() ? "--target" : null,
        request.skipBackup() ? "--skip-backup" : null,
        request.assumeSingleMember() ? "--assume-single-member" : null)
        .filter(java.util.Objects::nonNull).findFirst().ifPresent(flag -> {
          throw WardenException.badInput(flag + " does not apply to --cluster: a rebuild"
              + " restores an empty new member (no old data to keep); nothing was changed");
        });
  }

  private ClusterRebuildPlan prepare(RestoreRequest request, MemberOnHost member,
      RestoreLock lock) {
    RebuildMembers members = RebuildMembers.read(member.configFile());
    if (!members.includes(member.name())) {
      throw new WardenException("refused: the initial-cluster in " + member.configFile()
          + " (" + String.join(", ", members.names()) + ") does not name this member "
          + member.name() + "; reinstall it with the new cluster's --initial-cluster; nothing"
          + " was changed");
    }
    if (!new HashSet<>(members.peerUrls().get(member.name()))
        .equals(new HashSet<>(member.peerUrls()))) {
      throw new WardenException("refused: the initial-cluster in " + member.configFile()
          + " gives member " + member.name() + " the peer URLs " + members.peerUrls()
          .get(member.name()) + ", its initial-advertise-peer-urls say " + member.peerUrls()
          + "; nothing was changed");
    }
    if (member.metricsUrl() == null) {
      throw new WardenException(member.configFile() + " has no listen-metrics-urls; restore"
          + " waits for the member's /health there; nothing was changed");
    }
    requireStopped(member);
    requireEmpty(member);
    EtcdVersion version = EtcdBinaryVersion.of(member.etcdBinary());
    RestoreTool tool = RestoreTool.locate(member.etcdBinary(), version, request.env());
    request.bump().ifPresent(b -> b.requireSupportedBy(version));
    RestoreNames names = RestoreNames.pick(member.dataDir(), member.name(), clock.instant(),
        Optional.empty(), true);
    StagedArchive archive = staging.stageFirstGood(request, names.staged(), member.dataDir(),
        () -> false);
    try {
      EtcdLineGate.require(archive.name(), archive.manifest(), version, member.etcdBinary(),
          request.allowOlderEtcd());
    } catch (RuntimeException e) {
      ArchiveStager.deleteQuietly(archive.dbFile());
      throw e;
    }
    String token = members.token(archive.archiveSha256());
    List<String> command = tool.clusterCommand(names.staged(), names.restored(), member,
        members, token, archive.skipHashCheck());
    request.bump().ifPresent(b -> command.addAll(b.arguments()));
    return new ClusterRebuildPlan(member, members, archive.name(), archive, token,
        names.restored(), command, lock);
  }

  private static void requireStopped(MemberOnHost member) {
    boolean running = ServiceManagers.forMode(member.serviceMode())
        .isRunning(member.serviceSpec());
    Optional<URI> listening = Stream.concat(member.clientUrls().stream(),
        member.peerUrls().stream()).filter(ClusterRebuildPreflight::accepts).findFirst();
    if (running || listening.isPresent()) {
      throw new WardenException("refused: member " + member.name() + " is running ("
          + (running ? "its service is up" : "something listens on " + listening.get())
          + "); restore --cluster starts members installed with install --no-start; nothing"
          + " was changed");
    }
  }

  private static void requireEmpty(MemberOnHost member) {
    Path dir = member.dataDir();
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      List<String> found = entries.limit(3).map(p -> p.getFileName().toString()).toList();
      if (!found.isEmpty()) {
        throw new WardenException("refused: member " + member.name() + " has data in " + dir
            + " (" + String.join(", ", found) + "); restore --cluster only fills an empty data"
            + " dir (install --no-start); nothing was changed");
      }
    } catch (IOException e) {
      throw new WardenException("cannot list data dir " + dir + ": " + e.getMessage()
          + "; nothing was changed", e);
    }
  }

  private static boolean accepts(URI url) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
