package io.etcdwarden.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.StatusRequest;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The snapshot stream's channel, as {@link EtcdClients#memberStream} hands it out, fails like
 * the jetcd clients do: within about one timeout and in one line naming the member. Nothing runs
 * here but sockets this test opens on loopback (the snapshot itself is proven against real etcd
 * by backup's SnapshotArchiver ITs).
 */
class MemberStreamChannelTest {
  /** EtcdClientsTest's target timeout. */
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  @Test
  void aRefusedMemberFailsAtOnceInOneRetryableLine() throws IOException {
    URI endpoint = URI.create("http://127.0.0.1:" + EtcdClientsTest.closedPort());
    try (EtcdClients clients = new EtcdClients(EtcdClientsTest.target(endpoint));
        MemberStreamChannel channel = clients.memberStream(endpoint)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> status(channel)).isInstanceOf(WardenException.class)
          .hasMessage(endpoint + ": connection refused (is etcd running there?)")
          .matches(e -> ((WardenException) e).retryable());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(channel.url()).isEqualTo(endpoint);
    }
  }

  @Test
  void aMemberThatNeverAnswersFailsAfterTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      try (EtcdClients clients = new EtcdClients(EtcdClientsTest.target(endpoint));
          MemberStreamChannel channel = clients.memberStream(endpoint)) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> status(channel))
            .isInstanceOf(WardenException.class).hasMessageStartingWith(endpoint + ": ");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(TIMEOUT).isLessThan(Duration.ofSeconds(3));
      }
    }
  }

  @Test
  void closedClientsHandOutNoChannel() throws IOException {
    URI endpoint = URI.create("http://127.0.0.1:" + EtcdClientsTest.closedPort());
    EtcdClients clients = new EtcdClients(EtcdClientsTest.target(endpoint));
    clients.close();

    assertThatThrownBy(() -> clients.memberStream(endpoint))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Asks the member its status on {@code channel}, as the snapshot's first call does. */
  private static void status(MemberStreamChannel channel) {
    channel.unary(() -> channel.withDeadline(MaintenanceGrpc.newBlockingStub(channel.channel()))
        .status(StatusRequest.getDefaultInstance()));
  }
}
