package io.etcdwarden.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP by hand over a loopback socket: exactly the bytes a test wants sent, nothing added. */
final class RawHttp {
  private RawHttp() {}

  /** Opens a connection to the port and writes {@code bytes}, leaving it open. */
  static Socket open(int port, String bytes) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Sends one whole request and reads the answer until the server closes, within a bound. */
  static String exchange(int port, String request, Duration within) throws IOException {
    try (Socket socket = open(port, request)) {
      return readAll(socket, within);
    }
  }

  /** Everything the server sends until it closes the connection. */
  static String readAll(Socket socket, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  static String get(int port, String target) throws IOException {
    return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        Duration.ofSeconds(3));
  }
}
