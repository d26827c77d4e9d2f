package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import io.etcdwarden.testkit.storage.FaultProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS snapshot stream through a TCP proxy that drops or stalls it in mid-stream: a clear error
 * naming the member and the bytes received, nothing listed, nothing left in the store's folder.
 */
class SnapshotStreamFaultsIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path storeDir;

  @BeforeAll
  static void fill() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 8 << 20);
    }
  }

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + storeDir + "?allow-non-mount=true"));
  }

  private ArchivedSnapshot archiveThrough(FaultProxy proxy, Duration idle) {
    EtcdTarget viaProxy = etcd.target().withEndpoints(
        List.of(URI.create("https://127.0.0.1:" + proxy.uri().getPort())));
    try (EtcdClients clients = new EtcdClients(viaProxy)) {
      return new SnapshotArchiver(clients, viaProxy, Clock.systemUTC(), "test")
          .withIdleTimeout(idle)
          .archive(store(), Optional.empty(), Compression.ZSTD, SnapshotProgress.NONE);
    }
  }

  private FaultProxy proxy() throws Exception {
    URI member = etcd.target().endpoints().get(0);
    return new FaultProxy(URI.create("http://" + member.getHost() + ":" + member.getPort()));
  }

  @Test
  void aStreamDroppedMidwayFailsAndLeavesNothing() throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.dropReplyAfter(2L << 20);

      assertThatThrownBy(() -> archiveThrough(proxy, Duration.ofSeconds(10)))
          .isInstanceOf(WardenException.class)
          .hasMessageContaining("snapshot stream from etcd0 (https://127.0.0.1:")
          .hasMessageContaining("broke off after");
      assertNothingLeft();
    }
  }

  @Test
  void aStreamThatStallsIsAbandonedAfterTheIdleTimeout() throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.stallReplyAfter(2L << 20);
      long started = System.nanoTime();

      assertThatThrownBy(() -> archiveThrough(proxy, Duration.ofMillis(1500)))
          .isInstanceOf(WardenException.class)
          .hasMessageContaining("stalled: no data for 1500 ms after");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertNothingLeft();
    }
  }

  @Test
  void theSameProxyHealedPassesAWholeArchive() throws Exception {
    try (FaultProxy proxy = proxy()) {
      ArchivedSnapshot archived = archiveThrough(proxy, Duration.ofSeconds(10));

      assertThat(SnapshotVerifier.verify(store(), archived.published().name()).problems())
          .isEmpty();
    }
  }

  private void assertNothingLeft() throws Exception {
    assertThat(store().list()).isEmpty();
    try (Stream<Path> left = Files.list(storeDir)) {
      assertThat(left).isEmpty();
    }
  }
}
