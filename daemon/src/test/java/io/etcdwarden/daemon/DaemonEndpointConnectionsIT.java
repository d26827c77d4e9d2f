package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's endpoint, driven over raw loopback sockets: a client that sends half a request
 * (or nothing) holds up nobody else and is cut off after the read timeout; past the connection
 * bound a newcomer is told 503 at once; a request the server cannot parse gets a 400 whose body
 * is one plain reason, never a JDK exception's name.
 */
class DaemonEndpointConnectionsIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir static Path tmp;
  private static WardenDaemon daemon;
  private static int port;

  @BeforeAll
  static void start() {
    daemon = WardenDaemon.start(Daemons.settings("endpoint", etcd.target(), Optional.empty(),
        "", Duration.ofSeconds(1), tmp.resolve("state")));
    port = daemon.address().getPort();
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  @Test
  void halfARequestBlocksNoOneAndIsCutOffAfterTheReadTimeout() throws Exception {
    try (Socket half = RawHttp.open(port, "GET /metrics HTTP/1.1\r\nHost: 127")) {
      long start = System.nanoTime();
      assertThat(RawHttp.get(port, "/metrics")).startsWith("HTTP/1.1 200 ")
          .contains("etcd_warden");
      assertThat(RawHttp.get(port, "/v1/status")).startsWith("HTTP/1.1 200 ");
      assertThat(RawHttp.get(port, "/v1/plugin/cluster")).startsWith("HTTP/1.1 ")
          .doesNotStartWith("HTTP/1.1 200 ");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

      String cutOff = RawHttp.readAll(half, EndpointServer.READ_TIMEOUT.plusSeconds(10));
      assertThat(cutOff).startsWith("HTTP/1.1 408 ").contains("request not complete within");
    }
  }

  @Test
  void pastTheBoundANewcomerIsToldBusyAndServedOnceTheSilentOnesAreGone() throws Exception {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < EndpointServer.MAX_CONNECTIONS + 4; i++) {
        silent.add(RawHttp.open(port, ""));
      }
      String busy = pollUntil(() -> RawHttp.get(port, "/metrics"), a -> a.contains(" 503 "));
      assertThat(busy).startsWith("HTTP/1.1 503 ").contains("too many connections");
      // the read timeout frees every slot: the endpoint serves again without anyone closing
      String served = pollUntil(() -> RawHttp.get(port, "/metrics"), a -> a.contains(" 200 "));
      assertThat(served).startsWith("HTTP/1.1 200 ");
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
  }

  @Test
  void malformedRequestsGetOnePlainReason() throws Exception {
    String percent = RawHttp.get(port, "/v1/plugin/cluster?arg=%zz&arg=--endpoints");
    assertThat(percent).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n"
        + "malformed percent-encoding in the query (want %XX, two hex digits)\n");
    assertThat(RawHttp.get(port, "/v1/plugin/cluster?arg=%E2%8")).startsWith("HTTP/1.1 400 ")
        .contains("malformed percent-encoding");
    assertThat(RawHttp.get(port, "/metrics%zz")).startsWith("HTTP/1.1 404 ");
    String garbage = RawHttp.exchange(port, "GET /metrics\r\n\r\n", Duration.ofSeconds(3));
    assertThat(garbage).startsWith("HTTP/1.1 400 ").contains("not an HTTP/1.x request line");
    String huge = RawHttp.exchange(port, "GET /metrics HTTP/1.1\r\nX: " + "a".repeat(
        EndpointRequest.MAX_HEAD) + "\r\n\r\n", Duration.ofSeconds(3));
    assertThat(huge).startsWith("HTTP/1.1 400 ").contains("request head larger than");
    for (String answer : List.of(percent, garbage, huge)) {
      assertThat(answer).doesNotContain("Exception").doesNotContain("java.");
    }
  }

  private interface Call {
    String get() throws Exception;
  }

  private static String pollUntil(Call call, java.util.function.Predicate<String> done) {
    return Await.every(Duration.ofMillis(10)).await(EndpointServer.READ_TIMEOUT.plusSeconds(15),
        "an answer from /metrics that passes the check", () -> {
          try {
            return call.get();
          } catch (SocketTimeoutException e) {
            return "timed out";
          }
        }, done);
  }
}
