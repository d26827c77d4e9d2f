package io.etcdwarden.installer.membership;

import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.cluster.MemberAddResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.install.InstallRequest;
import io.etcdwarden.installer.install.InstalledMember;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.pki.BroughtCertificate;
import io.etcdwarden.installer.pki.Pki;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Grows a running cluster by one member on this host, as {@code member add} does: refuses
 * without quorum, checks the local host like {@code install}, registers the member as a learner
 * (it gets the log without a vote, so a slow join cannot cost the cluster its quorum), installs
 * it with {@code initial-cluster-state: existing}, waits for its health and promotes it to a
 * voting member once it has caught up. A failed install takes the learner out again. The new
 * member's certificate comes from the cluster's CA folder, or is the operator's own.
 */
public final class MemberAdder {
  private final Membership membership;

  public MemberAdder(Membership membership) {
    this.membership = membership;
  }

  /** What joined and how many voting members the cluster has now. */
  public record Added(InstalledMember member, long id, int clusterSize) {
    /** Even member counts tolerate no more failures than one member fewer. */
    public boolean evenSize() {
      return clusterSize % 2 == 0;
    }
  }

  /**
   * Adds the member described by {@code request} (its initial cluster and state are filled in
   * here) with peer URL {@code peerUrl}; promotion waits at most {@code promoteTimeout}.
   */
  public Added add(InstallRequest request, URI peerUrl, Duration promoteTimeout) {
    return add(request, null, peerUrl, promoteTimeout);
  }

  /**
   * As {@link #add(InstallRequest, URI, Duration)}, with the operator's own member certificate
   * ({@code own}, checked as {@code install --cert} checks it before the cluster is touched; no
   * CA folder is needed or used), or, when {@code own} is null, one from the request's CA.
   */
  public Added add(InstallRequest request, BroughtCertificate own, URI peerUrl,
      Duration promoteTimeout) {
    if (own == null && !Files.exists(request.caDir().resolve(Pki.CA_KEY_FILE))) {
      throw WardenException.badInput("CA key " + request.caDir().resolve(Pki.CA_KEY_FILE)
          + " is missing; a new member needs the cluster's CA: copy it into --ca, or bring its"
          + " certificate with --cert --key --trusted-ca");
    }
    MemberInstaller installer = new MemberInstaller();
    installer.check(withCluster(request, request.name() + "=" + peerUrl), own);
    membership.requireQuorum();
    if (membership.byName(request.name()).isPresent()) {
      throw WardenException.badInput("the cluster already has a member named " + request.name()
          + "; pick another --name or remove that member first");
    }
    MemberAddResponse added = membership.addLearner(peerUrl, promoteTimeout);
    long id = added.getMember().getId();
    InstalledMember member;
    try {
      member = installer.install(withCluster(request, initialCluster(added.getMembers(),
          id, request.name())), own);
    } catch (RuntimeException e) {
      try {
        membership.remove(id);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    membership.promote(id, promoteTimeout);
    return new Added(member, id, added.getMembers().size());
  }

  private static String initialCluster(List<Member> members, long newId, String newName) {
    return members.stream()
        .map(m -> (m.getId() == newId ? newName : m.getName()) + "=" + m.getPeerURIs().get(0))
        .collect(Collectors.joining(","));
  }

  private static InstallRequest withCluster(InstallRequest r, String initialCluster) {
    return new InstallRequest(r.name(), r.dataDir(), r.release(), r.releaseSha256(),
        r.etcdBinDir(), r.port(), r.managementPort(), r.metricsPort(), r.advertise(),
        r.bindAll(), initialCluster, r.clusterToken(), ClusterState.EXISTING, r.caDir(),
        r.serviceMode(), r.prefix(), r.startTimeout(), r.quotaBackendBytes(), r.metricsBind(),
        r.autoCompactionRetention());
  }
}
