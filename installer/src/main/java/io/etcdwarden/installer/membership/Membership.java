package io.etcdwarden.installer.membership;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.cluster.MemberAddResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The membership of a running cluster through etcd's cluster API: list, quorum check, add a
 * learner, promote it, remove a member. Every call is bounded by the target's timeout and
 * fails with one explained line. The member list alone says nothing about quorum (etcd serves
 * it without one), so {@link #requireQuorum()} makes a linearizable read, which needs a leader.
 */
public final class Membership {
  private static final ByteSequence PROBE_KEY =
      ByteSequence.from("etcd-warden/quorum-probe", StandardCharsets.UTF_8);
  private static final long RETRY_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

  private final EtcdClients clients;

  public Membership(EtcdClients clients) {
    this.clients = clients;
  }

  /** Every member, voting and learner, as etcd lists them. */
  public List<Member> list() {
    return call(clients.cluster().getClusterClient().listMember()).getMembers();
  }

  /** The member named {@code name}, if the cluster has one. */
  public Optional<Member> byName(String name) {
    return list().stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  /** Refuses to go on unless a linearizable read succeeds, which needs a quorum and a leader. */
  public void requireQuorum() {
    try {
      call(clients.cluster().getKVClient().get(PROBE_KEY));
    } catch (WardenException e) {
      throw new WardenException("the cluster has no quorum (a linearizable read failed: "
          + e.getMessage() + "); refusing to change membership, it would make things worse;"
          + " bring the stopped members back first");
    }
  }

  /**
   * Registers a learner with {@code peerUrl}; returns it with the members it joins. etcd's
   * strict reconfiguration check answers "unhealthy cluster" until every member has been
   * connected for a few seconds (a cluster bootstrapped moments ago): that is retried until
   * {@code timeout}, everything else fails at once.
   */
  public MemberAddResponse addLearner(URI peerUrl, Duration timeout) {
    return retry(timeout, "adding a learner at " + peerUrl, "unhealthy cluster",
        () -> clients.cluster().getClusterClient().addMember(List.of(peerUrl), true));
  }

  /**
   * Promotes learner {@code id} to a voting member, retrying while etcd says it has not caught
   * up with the leader's log yet (or the cluster is settling), until {@code timeout}.
   */
  public void promote(long id, Duration timeout) {
    retry(timeout, "promoting learner " + Long.toHexString(id), null,
        () -> clients.cluster().getClusterClient().promoteMember(id));
  }

  /**
   * Removes member {@code id} from the cluster and returns the members left, as the answering
   * member reports them once the removal is applied (a fresh member list may come from a
   * follower that has not applied it yet).
   */
  public List<Member> remove(long id) {
    return call(clients.cluster().getClusterClient().removeMember(id)).getMembers();
  }

  /** Calls until success or deadline; only failures containing {@code retryOn} (any if null). */
  private <T> T retry(Duration timeout, String what, String retryOn,
      Supplier<CompletableFuture<T>> request) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return call(request.get());
      } catch (WardenException e) {
        boolean retryable = retryOn == null || String.valueOf(e.getMessage()).contains(retryOn);
        if (!retryable || System.nanoTime() - deadline > 0) {
          throw new WardenException(what + " failed within " + timeout.toSeconds() + " s: "
              + e.getMessage(), e);
        }
      }
      LockSupport.parkNanos(RETRY_PAUSE_NANOS);
    }
  }

  private <T> T call(CompletableFuture<T> future) {
    Duration timeout = clients.target().timeout();
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw EtcdClients.explain(e.getCause(), null, clients.target());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw EtcdClients.explain(e, null, clients.target());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while calling etcd", e);
    }
  }
}
