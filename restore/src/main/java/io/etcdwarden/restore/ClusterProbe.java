package io.etcdwarden.restore;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.cluster.MemberListResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What restore asks the running member: the member list (with the cluster ID from its
 * header), and the revision and key count it serves. The key count is the number of live keys
 * at the current revision, which after {@code snapshot restore} is the snapshot's revision.
 */
final class ClusterProbe {
  private static final ByteSequence ALL = ByteSequence.from(new byte[] {0});

  private ClusterProbe() {}

  /** The cluster's ID and member names, as its member list answers them. */
  record MemberList(long clusterId, List<String> memberNames) {}

  /** The revision and the live keys at it. */
  record Contents(long clusterId, long revision, long keys) {}

  static MemberList members(EtcdTarget target) {
    try (EtcdClients clients = new EtcdClients(target)) {
      return members(clients, target);
    }
  }

  /** What a restored member serves: its members and its contents at {@code revision}. */
  record Survey(MemberList membership, Contents contents) {}

  /** The members and the contents at {@code revision}, over one connection. */
  static Survey survey(EtcdTarget target, long revision) {
    try (EtcdClients clients = new EtcdClients(target)) {
      return new Survey(members(clients, target), contents(clients, target, revision));
    }
  }

  private static MemberList members(EtcdClients clients, EtcdTarget target) {
    MemberListResponse list = await(clients.cluster().getClusterClient().listMember(),
        target, "list the members of");
    return new MemberList(list.getHeader().getClusterId(),
        list.getMembers().stream().map(ClusterProbe::nameOf).toList());
  }

  /** The live keys at {@code revision} (0: the current one), stable whatever clients write since. */
  static Contents contents(EtcdTarget target, long revision) {
    try (EtcdClients clients = new EtcdClients(target)) {
      return contents(clients, target, revision);
    }
  }

  private static Contents contents(EtcdClients clients, EtcdTarget target, long revision) {
    Client client = clients.cluster();
    GetResponse all = await(client.getKVClient().get(ALL, GetOption.builder().withRange(ALL)
        .withCountOnly(true).withRevision(revision).build()), target, "count the keys of");
    return new Contents(all.getHeader().getClusterId(), all.getHeader().getRevision(),
        all.getCount());
  }

  private static String nameOf(Member m) {
    return m.getName().isEmpty() ? Long.toHexString(m.getId()) + " (unstarted)" : m.getName();
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future, EtcdTarget target,
      String what) {
    Duration timeout = target.timeout();
    List<URI> endpoints = target.endpoints();
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new WardenException("cannot " + what + " the cluster at " + endpoints + ": "
          + EtcdClients.explain(cause, endpoints.get(0), target).getMessage());
    }
  }
}
