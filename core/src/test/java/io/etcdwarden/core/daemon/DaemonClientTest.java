package io.etcdwarden.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon's HTTP client against a real loopback HTTP server. */
class DaemonClientTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", exchange -> answer(exchange, 200, "0123456789"));
    server.createContext("/later", exchange -> answer(exchange, 503, "no survey yet"));
    server.createContext("/teapot", exchange -> answer(exchange, 418, "no"));
    server.start();
    base = DaemonAddress.parse("127.0.0.1:" + server.getAddress().getPort(), "--daemon");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aBodyIsReadUpToTheBoundA503IsEmptyAnythingElseFails() throws IOException {
    DaemonClient daemon = new DaemonClient(base, SECOND, SECOND);

    assertThat(daemon.get("/ok", 4).map(b -> new String(b, StandardCharsets.US_ASCII)))
        .hasValue("0123");
    assertThat(daemon.get("/ok", 1 << 20).map(b -> new String(b, StandardCharsets.US_ASCII)))
        .hasValue("0123456789");
    assertThat(daemon.get("/later", 1 << 20)).isEmpty();
    assertThatThrownBy(() -> daemon.get("/teapot", 1 << 20)).hasMessage("HTTP 418");
    assertThat(daemon.hostPort()).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void aDaemonThatIsNotThereIsAnIoException() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    DaemonClient none = new DaemonClient(DaemonAddress.parse("127.0.0.1:" + closed, "--daemon"),
        SECOND, SECOND);

    assertThatThrownBy(() -> none.get("/ok", 10)).isInstanceOf(IOException.class);
  }

  @Test
  void aBadAddressIsOneLineNamingTheFlag() {
    assertThatThrownBy(() -> DaemonAddress.parse("localhost", "--daemon"))
        .isInstanceOf(WardenException.class)
        .hasMessage("--daemon: want host:port like 127.0.0.1:2389, got 'localhost'");
    assertThat(DaemonAddress.parse("[::1]:2389", "--listen")).hasPort(2389).hasHost("[::1]");
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int code, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
