package io.etcdwarden.backup;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.MemberListRequest;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.client.MemberStreamChannel;
import io.grpc.ManagedChannel;
import java.net.URI;

/**
 * What a snapshot asks of one member, through etcd's generated stubs, on the flow-controlled
 * channel {@link EtcdClients#memberStream(URI)} hands out: its status, the member list, the key
 * count at a revision, and the channel for the snapshot stream itself ({@link SnapshotStream}).
 */
final class MemberChannel implements AutoCloseable {
  private final MemberStreamChannel member;

  private MemberChannel(MemberStreamChannel member) {
    this.member = member;
  }

  /** Opens a channel to {@code url} through {@code clients}. */
  static MemberChannel open(EtcdClients clients, URI url) {
    return new MemberChannel(clients.memberStream(url));
  }

  URI url() {
    return member.url();
  }

  ManagedChannel channel() {
    return member.channel();
  }

  StatusResponse status() {
    return member.unary(() -> member.withDeadline(MaintenanceGrpc.newBlockingStub(channel()))
        .status(StatusRequest.getDefaultInstance()));
  }

  MemberListResponse members() {
    return member.unary(() -> member.withDeadline(ClusterGrpc.newBlockingStub(channel()))
        .memberList(MemberListRequest.getDefaultInstance()));
  }

  /**
   * The number of keys at {@code revision}: a count-only range over the whole key space, which
   * etcd answers from its index without sending keys. A historical read, so writes that land
   * while the snapshot streams do not change it; serializable, so the member answers from its
   * own store (the revision is its own) as the snapshot does, without a quorum round.
   */
  long keyCount(long revision) {
    ByteString all = ByteString.copyFrom(new byte[] {0});
    return member.unary(() -> member.withDeadline(KVGrpc.newBlockingStub(channel()))
        .range(RangeRequest.newBuilder().setKey(all).setRangeEnd(all).setCountOnly(true)
            .setSerializable(true).setRevision(revision).build())).getCount();
  }

  /** One line for a failure on this channel; see {@link MemberStreamChannel#explain}. */
  WardenException explain(Throwable failure) {
    return member.explain(failure);
  }

  @Override
  public void close() {
    member.close();
  }
}
