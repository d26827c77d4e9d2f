package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member streaming a snapshot over mutual TLS is killed in mid-stream: the error says the
 * stream broke off because the connection closed, and does not blame the client certificate,
 * which the member had accepted (the status call before the stream went through on the same
 * connection).
 */
class SnapshotMemberKilledIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path storeDir;

  @BeforeAll
  static void fill() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 32 << 20);
    }
  }

  @Test
  void aMemberKilledMidSnapshotIsAClosedConnectionNotARejectedCertificate() {
    SnapshotStore store =
        SnapshotStores.open(URI.create("file://" + storeDir + "?allow-non-mount=true"));
    AtomicBoolean killed = new AtomicBoolean();
    SnapshotProgress killAfterOneMiB = (received, expected) -> {
      if (received > (1 << 20) && killed.compareAndSet(false, true)) {
        // Off the stream's thread: the callback must not block on the process.
        new Thread(() -> etcd.member(0).kill(), "kill-member").start();
      }
    };

    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      assertThatThrownBy(() -> new SnapshotArchiver(clients, etcd.target(), Clock.systemUTC(),
          "test").archive(store, Optional.empty(), Compression.GZIP, killAfterOneMiB))
          .isInstanceOf(WardenException.class)
          .hasMessageContaining("snapshot stream from etcd0")
          .hasMessageContaining("broke off after")
          .hasMessageContaining("connection closed in mid-call")
          .hasMessageNotContaining("client certificate")
          .hasMessageNotContaining("TLS handshake failed");
    }
    assertThat(killed).isTrue();
  }
}
