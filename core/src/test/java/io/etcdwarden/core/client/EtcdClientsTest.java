package io.etcdwarden.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients must fail within about one timeout instead of hanging. Nothing runs here but
 * sockets this test opens on loopback: a closed port (refused) and a socket that accepts the TCP
 * connection but never speaks (what a wedged member looks like).
 */
class EtcdClientsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(400);
  private static final ByteSequence KEY = ByteSequence.from("k", StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void aRefusedMemberFailsAtOnce() throws IOException {
    URI endpoint = URI.create("http://127.0.0.1:" + closedPort());
    try (EtcdClients clients = new EtcdClients(target(endpoint))) {
      long start = System.nanoTime();
      WardenException e = failure(clients.member(endpoint), endpoint, clients.target());
      assertThat(e).hasMessage(endpoint + ": connection refused (is etcd running there?)");
      assertThat(e.retryable()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aMemberThatNeverAnswersFailsAfterTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      try (EtcdClients clients = new EtcdClients(target(endpoint))) {
        long start = System.nanoTime();
        WardenException e = failure(clients.cluster(), null, clients.target());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).hasMessage(endpoint + ": no answer within 400ms");
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(Duration.ofSeconds(3));
      }
    }
  }

  @Test
  void evenATinyTimeoutGivesJetcdAValidRetryPolicy() throws IOException {
    // Failsafe checks delay < max delay < max duration only when a call starts.
    URI endpoint = URI.create("http://127.0.0.1:" + closedPort());
    for (Duration timeout : List.of(Duration.ofMillis(1), Duration.ofMillis(3))) {
      EtcdTarget target = new EtcdTarget(List.of(endpoint), Optional.empty(), Optional.empty(),
          Optional.empty(), timeout, Map.of());
      try (EtcdClients clients = new EtcdClients(target)) {
        WardenException failure = failure(clients.cluster(), endpoint, target);
        assertThat(failure.retryable()).as(failure.getMessage()).isTrue();
      }
    }
  }

  @Test
  void clientsAreMadeOnceAndClosedTogether() {
    URI a = URI.create("http://127.0.0.1:12379");
    URI b = URI.create("http://127.0.0.1:22379");
    EtcdClients clients = new EtcdClients(target(a).withEndpoints(List.of(a, b)));
    assertThat(clients.cluster()).isSameAs(clients.cluster());
    assertThat(clients.member(a)).isSameAs(clients.member(a)).isNotSameAs(clients.member(b));
    clients.close();
    clients.close();
    assertThatThrownBy(clients::cluster).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void badTlsFilesFailInTheConstructor() {
    EtcdTarget target = new EtcdTarget(List.of(URI.create("https://127.0.0.1:2379")),
        Optional.of(dir.resolve("ca.crt")), Optional.empty(), Optional.empty(), TIMEOUT,
        Map.of(EtcdTarget.CACERT, "--cacert"));
    assertThatThrownBy(() -> new EtcdClients(target))
        .isInstanceOf(WardenException.class)
        .hasMessage("CA file " + dir.resolve("ca.crt") + " (from --cacert) does not exist");
  }

  @Test
  void anHttpsMemberOfAnHttpTargetSpeaksTlsWithoutAnyFiles() throws Exception {
    assertThat(firstBytesSent("https")).as("a TLS handshake record (22), version 3.x")
        .startsWith((byte) 22, (byte) 3);
    assertThat(new String(firstBytesSent("http"), StandardCharsets.US_ASCII))
        .as("plain HTTP/2's preface").isEqualTo("PRI");
  }

  /** The first three bytes a member client of an http target sends to a {@code scheme} URL. */
  private static byte[] firstBytesSent(String scheme) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(10_000);
      URI plain = URI.create("http://127.0.0.1:" + listener.getLocalPort());
      URI member = URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
      try (EtcdClients clients = new EtcdClients(target(plain))) {
        clients.member(member).getKVClient().get(KEY);
        try (Socket socket = listener.accept()) {
          socket.setSoTimeout(10_000);
          return socket.getInputStream().readNBytes(3);
        }
      }
    }
  }

  @Test
  void ipv6EndpointsBecomeATargetGrpcCanParse() {
    assertThat(ClientSettings.ipTarget(List.of(URI.create("https://[::1]:2379"),
        URI.create("https://10.0.0.1:2379"), URI.create("https://etcd-1:2379"))))
        .isEqualTo("ip:///%5B::1%5D:2379,10.0.0.1:2379,etcd-1:2379");
  }

  private static WardenException failure(Client client, URI endpoint, EtcdTarget target) {
    try {
      client.getKVClient().get(KEY).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return EtcdClients.explain(e, endpoint, target);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    throw new AssertionError("the call succeeded");
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static EtcdTarget target(URI endpoint) {
    return new EtcdTarget(List.of(endpoint), Optional.empty(), Optional.empty(),
        Optional.empty(), TIMEOUT, Map.of());
  }
}
