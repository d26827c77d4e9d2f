package io.etcdwarden.backup;

import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.StatusResponse;
import java.util.List;

/**
 * The member a snapshot streams from, on an open channel, with what the manifest records: its
 * status as streaming began and the cluster's member list. Closing closes the channel.
 */
record SnapshotSource(String name, MemberChannel channel, StatusResponse status,
    MemberListResponse members) implements AutoCloseable {

  String memberId() {
    return Long.toHexString(status.getHeader().getMemberId());
  }

  String clusterId() {
    return Long.toHexString(members.getHeader().getClusterId());
  }

  List<SnapshotManifest.Member> manifestMembers() {
    return members.getMembersList().stream()
        .map(m -> new SnapshotManifest.Member(m.getName(), Long.toHexString(m.getID()),
            List.copyOf(m.getClientURLsList())))
        .toList();
  }

  @Override
  public void close() {
    channel.close();
  }
}
