package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.installer.install.StartupWait;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.cluster.MemberListResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Carries out one host's part of a {@link ClusterRebuildPlan}: restores the staged db for the
 * full member list into a new directory, renames it over the empty data dir, starts the member
 * the way the installer runs it, and waits until a quorum of the new cluster is healthy while
 * watching that the peers which answer are in the same cluster ({@link PeerWatch}). Then every
 * member that runs must report this cluster's ID and a revision at least the manifest's. A
 * member that found itself in another cluster than its peers is stopped and its data dir
 * emptied again (the restored data kept beside it), so the host can simply run again.
 */
public final class ClusterRebuild {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration VERIFY_WITHIN = Duration.ofSeconds(60);
  private final Duration healthTimeout;

  public ClusterRebuild(Duration healthTimeout) {
    this.healthTimeout = healthTimeout;
  }

  /** Carries out {@code plan}; the member's restore lock is released when it ends. */
  public RebuildResult execute(ClusterRebuildPlan plan, Consumer<String> progress) {
    try {
      return carryOut(plan, progress);
    } finally {
      plan.lock().close();
    }
  }

  private RebuildResult carryOut(ClusterRebuildPlan plan, Consumer<String> progress) {
    MemberOnHost member = plan.member();
    try {
      progress.accept("1. restoring into " + plan.restoredDir());
      RestoreTool.run(plan.restoreCommand(), plan.restoredDir());
      progress.accept("2. moving it to " + member.dataDir());
      Files.deleteIfExists(member.dataDir()); // empty, as the preflight found it
      Files.move(plan.restoredDir(), member.dataDir(), StandardCopyOption.ATOMIC_MOVE);
      Files.setPosixFilePermissions(member.dataDir(), PosixFilePermissions.fromString("rwx------"));
    } catch (IOException | RuntimeException e) {
      Trees.deleteQuietly(plan.restoredDir());
      throw new WardenException("restore --cluster failed before the member started: "
          + e.getMessage() + "; nothing was started", e);
    } finally {
      plan.dropStagedDb();
    }
    ServiceManager services = ServiceManagers.forMode(member.serviceMode());
    ServiceSpec spec = member.serviceSpec();
    EtcdTarget target = member.target(PROBE_TIMEOUT);
    PeerWatch peers = new PeerWatch(new PeerClusterIds(target), member.name(),
        member.peerUrls().get(0), plan.members().peerUrls());
    progress.accept("3. starting member " + member.name() + " (" + services.mode() + ")");
    services.start(spec);
    progress.accept("4. waiting for a quorum of the " + plan.members().names().size()
        + " members (run restore --cluster on the other hosts too)");
    try {
      new StartupWait(() -> services.isRunning(spec) && peers.quorumPossible(),
          member.logFile()).awaitHealthy(member.metricsUrl(), healthTimeout);
    } catch (WardenException e) {
      if (!peers.quorumPossible()) {
        throw new WardenException(peers.mismatch().orElseThrow() + "; "
            + setAside(plan, services, spec));
      }
      throw new WardenException(e.getMessage() + "; member " + member.name() + " keeps its"
          + " restored data" + (services.isRunning(spec) ? " and keeps waiting for its peers"
          : "") + peers.mismatch().map(m -> "; " + m).orElse(""), e);
    }
    progress.accept("5. verifying every member that runs");
    return verify(plan, target, peers);
  }

  private RebuildResult verify(ClusterRebuildPlan plan, EtcdTarget target, PeerWatch peers) {
    peers.findMismatch().ifPresent(problem -> {
      throw new WardenException(problem + "; this member's side has a quorum and keeps"
          + " running");
    });
    long expected = plan.archive().manifest().map(m -> m.revision()).orElse(0L);
    MemberListResponse list = Patiently.ask(VERIFY_WITHIN, () -> listMembers(target));
    List<Member> members = list.getMembers();
    long clusterId = list.getHeader().getClusterId();
    if (members.size() != plan.members().names().size()) {
      throw new WardenException("the new cluster has " + members.size() + " members, the"
          + " config names " + plan.members().names().size());
    }
    List<String> checked = new ArrayList<>();
    List<String> notStarted = new ArrayList<>();
    long revision = 0;
    for (Member m : members) {
      List<URI> clientUrls = m.getClientURIs();
      if (m.getName().isEmpty() || clientUrls.isEmpty()) {
        notStarted.add(m.getName().isEmpty() ? Long.toHexString(m.getId()) : m.getName());
        continue;
      }
      ClusterProbe.Contents contents = Patiently.ask(VERIFY_WITHIN,
          () -> ClusterProbe.contents(target.withEndpoints(clientUrls), 0));
      if (contents.clusterId() != clusterId) {
        throw new WardenException("member " + m.getName() + " reports cluster ID "
            + Long.toHexString(contents.clusterId()) + ", member " + plan.member().name() + " "
            + Long.toHexString(clusterId));
      }
      if (contents.revision() < expected) {
        throw new WardenException("member " + m.getName() + " is at revision "
            + contents.revision() + ", the manifest says " + expected);
      }
      revision = Math.max(revision, contents.revision());
      checked.add(m.getName());
    }
    return new RebuildResult(plan.member().name(), clusterId, members.size(), revision, checked,
        notStarted);
  }

  private static MemberListResponse listMembers(EtcdTarget target) {
    try (EtcdClients clients = new EtcdClients(target)) {
      return clients.cluster().getClusterClient().listMember().get(
          PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while listing the members of the new cluster", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new WardenException("cannot list the members of the new cluster at "
          + target.endpoints() + ": " + e.getMessage(), e);
    }
  }

  /** Stops the member and empties its data dir again; returns what to tell the operator. */
  private static String setAside(ClusterRebuildPlan plan, ServiceManager services,
      ServiceSpec spec) {
    MemberOnHost member = plan.member();
    Path aside = RestoreNames.failed(plan.restoredDir());
    try {
      services.remove(spec);
      Files.move(member.dataDir(), aside, StandardCopyOption.ATOMIC_MOVE);
      Files.createDirectory(member.dataDir(), PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      return "member " + member.name() + " was stopped and its data dir emptied again (the"
          + " restored data is in " + aside + ")";
    } catch (IOException | RuntimeException e) {
      return "stopping member " + member.name() + " failed too (" + e.getMessage()
          + "): stop it and empty " + member.dataDir() + " by hand";
    }
  }
}
