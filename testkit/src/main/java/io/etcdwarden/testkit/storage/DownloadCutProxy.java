package io.etcdwarden.testkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A TCP proxy in front of a store that resets every connection once {@code cutAfter} bytes have
 * come back from the store: a download that breaks mid-way, as a flaky network or a store
 * restart does. ({@link FaultProxy} breaks uploads; this breaks downloads.)
 */
public final class DownloadCutProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final ServerSocket server;
  private final long cutAfter;

  public DownloadCutProxy(URI target, long cutAfter) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.cutAfter = cutAfter;
    Thread acceptor = new Thread(this::accept, "download-cut-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:PORT}, to use instead of the store's address. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        pump(client, upstream, Long.MAX_VALUE, client);
        pump(upstream, client, cutAfter, client);
      } catch (IOException e) {
        // server closed, or the store refused: the client sees its connection end
      }
    }
  }

  private static void pump(Socket from, Socket to, long limit, Socket client) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 << 10];
      long sent = 0;
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          int allowed = (int) Math.min(n, limit - sent);
          out.write(buffer, 0, allowed);
          sent += allowed;
          if (sent >= limit) {
            client.setSoLinger(true, 0); // RST towards the client, as a dropped link looks
            break;
          }
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        close(from);
        close(to);
      }
    }, "download-cut-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
